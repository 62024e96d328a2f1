// Regenerates docs/errors.md from the error catalog.
import { writeFileSync } from 'node:fs';

import { errorsMarkdown } from '../src/errorCatalog.ts';

writeFileSync('docs/errors.md', errorsMarkdown());
