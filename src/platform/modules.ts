/** Every area of the platform, in menu order. */
import { creditModule } from '../credit/module.ts';
import { disabilityModule } from '../disability/module.ts';
import { medicalModule } from '../medical/module.ts';
import { priceModule } from '../price/module.ts';
import { simulationModule } from '../simulation/module.ts';
import type { PlatformModule } from './module.ts';

export const modules: readonly PlatformModule[] = [
  medicalModule,
  creditModule,
  priceModule,
  disabilityModule,
  simulationModule,
];
