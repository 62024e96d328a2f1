/** Start the platform: migrate, optionally seed the demonstration data, serve. */
import { buildApp } from './app.ts';
import { openContext } from '../platform/context.ts';
import { seedDemo } from '../platform/demo.ts';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const ctx = await openContext();
if (process.argv.includes('--demo')) {
  await seedDemo(ctx, { size: process.env.DEMO_SIZE === 'small' ? 'small' : 'full' });
}
const app = await buildApp(ctx);
await app.listen({ port, host });
ctx.logger.info({ url: `http://${host}:${port}/`, docs: `http://${host}:${port}/docs`, database: ctx.store.label }, 'platform listening');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await ctx.close();
    process.exit(0);
  });
}
