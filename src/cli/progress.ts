/** Progress bars for long batch runs, on stderr so stdout stays data. */
import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number): void;
  update(done: number): void;
  stop(): void;
}

export function progressBar(label: string, enabled = true): Progress {
  if (!enabled) return { start() {}, update() {}, stop() {} };

  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} | 已用 {duration_formatted} | 剩余 {eta_formatted}`,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0),
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
