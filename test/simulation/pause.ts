/**
 * describeEachDatabase checks that PostgreSQL is reachable while the SQLite
 * suite's hooks already run; seeding SQLite is synchronous work that keeps
 * the event loop busy for seconds, long enough for that check's 3 s
 * connect timeout to expire (and, in CI, to fail the run). Suites that seed
 * a lot first give the loop a moment so the check can finish.
 */
export function letReachabilityCheckFinish(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 300));
}
