/**
 * `npm run bench`: runs every bench/*.bench.ts in turn; each prints its own
 * figures against its targets. Nothing here asserts a timing.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

console.log(`node ${process.version}, ${new Date().toISOString()}`);
for (const file of files) {
  console.log(`\n== ${file}`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<void> };
  await module.run?.();
}
