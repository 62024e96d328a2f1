/**
 * Browser tests: the platform on 127.0.0.1 (a free port in 3300–3399) over a
 * fresh test database, the built interface it serves, and Debian's Chromium
 * driven by playwright-core. Every page a test visits goes through `check`:
 * axe-core with no serious or critical violation.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import type { Dialect } from '../../src/db/database.ts';
import { ROOT, type PlatformContext } from '../../src/platform/context.ts';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import { openTestContext } from '../helpers/db.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

const WEB = join(ROOT, 'web');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Build web/dist when it is missing or older than its sources. */
export function ensureWebBuilt(): void {
  const index = join(WEB, 'dist', 'index.html');
  const sources = Math.max(newestMtime(WEB), newestMtime(join(ROOT, 'src', 'core', 'money.ts')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;

  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', WEB], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

export interface Platform {
  ctx: PlatformContext;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The platform on a fresh database of the dialect, listening on loopback. */
export async function startPlatform(
  dialect: Dialect,
  seed?: (ctx: PlatformContext) => Promise<void>,
  options: AppOptions = {},
): Promise<Platform> {
  ensureWebBuilt();
  const ctx = await openTestContext(dialect);
  if (seed) await seed(ctx);
  // Pages are driven without signing in unless a test asks for the guard
  // (`auth: { enforce: true }`, see session.test.ts); the guard itself is
  // tested route by route in test/auth.
  const app = await buildApp(ctx, { ...options, auth: { enforce: false, ...options.auth } });

  let port = 0;
  for (let attempt = 0; attempt < 20 && port === 0; attempt += 1) {
    const candidate = 3300 + Math.floor(Math.random() * 100);
    try {
      await app.listen({ host: '127.0.0.1', port: candidate });
      port = candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  if (port === 0) throw new Error('no free port in 3300-3399');

  return {
    ctx,
    app,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Debian's Chromium, headless, with a fresh profile and no calls home. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'jixi-web-'));
  const downloads = join(profile, 'downloads');
  mkdirSync(downloads);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    downloadsPath: downloads,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Generous: a loaded CI machine can take seconds to answer; a real failure still fails.
  page.setDefaultTimeout(30_000);
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** axe-core on the page as it is now: the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Judge the page at rest: a button fading out of its loading state has
  // half its contrast for a moment.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 }).catch(() => {});
  await page.waitForFunction(() => !document.querySelector('.ant-btn-loading, .ant-wave'), undefined, { timeout: 10_000 }).catch(() => {});
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? n.failureSummary ?? ''}`) }));
}

/** Write docs/screenshots/<name>.png (the whole page). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Wait until no loading indicator is left on the page. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .state-loading'));
}
