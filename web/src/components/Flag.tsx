/**
 * A short status word in a box. The word carries the meaning; the colour
 * only repeats it (no meaning by colour alone), and every tone keeps 4.5:1.
 */
import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'info' | 'good' | 'warn' | 'bad';

export function Flag({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`flag flag-${tone}`}>{children}</span>;
}
