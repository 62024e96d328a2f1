/**
 * Where the shared worked examples are: `../shared/examples` beside the
 * repository (the layout the project was handed), or JIXI_SHARED_DIR, or
 * /work/shared on the project's machines when the repository is cloned
 * elsewhere (as CI does). The files are read as they are, never copied.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../../src/platform/context.ts';

function sharedDir(): string {
  const candidates = [process.env.JIXI_SHARED_DIR, join(ROOT, '..', 'shared'), '/work/shared'].filter((c): c is string => Boolean(c));
  const found = candidates.find((dir) => existsSync(join(dir, 'examples')));
  if (!found) throw new Error(`the shared examples are not found; looked in ${candidates.join(', ')} (set JIXI_SHARED_DIR)`);
  return found;
}

export const SHARED_EXAMPLES = join(sharedDir(), 'examples');
