import type { Command } from 'commander';

import type { PlatformContext } from '../../platform/context.ts';

/** `jixi credit …` (filled in below). */
export function creditCommands(program: Command, open: () => Promise<PlatformContext>): void {
  void program;
  void open;
}
