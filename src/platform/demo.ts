/**
 * The demonstration data set: synthetic (合成数据，仅供演示), of realistic size,
 * loaded once per database. Each area seeds its own part.
 */
import type { PlatformContext } from './context.ts';
import { modules } from './modules.ts';

export async function seedDemo(
  ctx: PlatformContext,
  options: { size: 'small' | 'full'; onProgress?: (area: string, done: number, total: number) => void },
): Promise<void> {
  // One account per role (DEMO ONLY password, see docs/security.md).
  await (await import('../auth/demoAccounts.ts')).seedDemoAccounts(ctx);
  for (const module of modules) {
    if (!module.seedDemo) continue;
    ctx.logger.info({ area: module.name, size: options.size }, 'seeding demonstration data');
    await module.seedDemo(ctx, {
      size: options.size,
      ...(options.onProgress ? { onProgress: (d: number, t: number) => options.onProgress!(module.name, d, t) } : {}),
    });
  }
}
