/** Routes of the price area, mounted at /api/price. */
import type { FastifyInstance } from 'fastify';

import type { PlatformContext } from '../../platform/context.ts';
import { detectionRoutes } from './detection.ts';
import { monitoringRoutes } from './monitoring.ts';
import { subsidyRoutes } from './subsidies.ts';
import { warningRoutes } from './warnings.ts';

export async function priceRoutes(app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  await monitoringRoutes(app, ctx);
  await detectionRoutes(app, ctx);
  await subsidyRoutes(app, ctx);
  await warningRoutes(app, ctx);
}
