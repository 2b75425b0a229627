/**
 * The benchmark suites `npm run bench` knows, in the order they run and appear in
 * docs/benchmarks.md. Each is `bench/<name>.bench.ts`; the runner refuses to start when a
 * file and this list disagree, so a new suite is registered here with its one-line summary.
 */
export interface Suite {
  readonly name: string;
  readonly summary: string;
}

export const SUITES: readonly Suite[] = [
  { name: 'ledger', summary: 'one statement over 10k, 100k and 200k synthetic worklogs: CPU and wall time, memory' },
  { name: 'jira-access', summary: "one plan-period's worklogs read over HTTP: calls and points against the minimum and the naive way" },
  { name: 'sync', summary: 'one worklog event, and a full recompute of a 100,000-worklog plan through the queue' },
  { name: 'backend', summary: 'issue panel and gadget resolvers from stored aggregates: Jira calls, storage reads, latency' },
  { name: 'statement', summary: "one period's detailed statement of a 100,000-worklog plan, a page at a time: bytes per answer, storage reads, time" },
  { name: 'figures', summary: 'materialised figures at 1k to 300k worklogs and 0 to 60 closed periods: reads, units, time and memory of each surface, events and their refreshes, the equality property over 1,000 runs' },
  { name: 'bundles', summary: 'gzipped JavaScript per surface, first load and all chunks, against the 250 KB budget' },
  { name: 'ui', summary: "the issue panel's first meaningful paint in Chromium" },
  { name: 'cli', summary: 'the compiled statement CLI from a fresh process, start-up included, on a small one-plan statement' },
  { name: 'test-tiers', summary: 'check, test:unit and test:browser (npm test piece by piece): wall time and CPU seconds of each process tree' },
];

export const SUITE_FILE_SUFFIX = '.bench.ts';
