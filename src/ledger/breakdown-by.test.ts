import { breakdownBy } from './breakdown-by';
import type { WorklogLine } from './types';

const line = (worklogId: string, issueId: string, overrides: Partial<WorklogLine> = {}): WorklogLine => ({
  worklogId,
  issueId,
  authorAccountId: null,
  started: 0,
  billingClass: 'covered',
  rawSeconds: 100,
  roundedSeconds: 900,
  coveredSeconds: 900,
  overageSeconds: 0,
  extraSeconds: 0,
  nonBillableSeconds: 0,
  draws: [],
  ...overrides,
});

describe('breakdownBy', () => {
  it('sums every field per key and sorts by key in code-unit order', () => {
    const lines = [
      line('1', 'b'),
      line('2', 'B', { overageSeconds: 300 }),
      line('3', 'b', { billingClass: 'extra', coveredSeconds: 0, extraSeconds: 900 }),
    ];
    expect(breakdownBy(lines, (l) => l.issueId)).toEqual([
      { key: 'B', rawSeconds: 100, roundedSeconds: 900, coveredSeconds: 900, overageSeconds: 300, extraSeconds: 0, nonBillableSeconds: 0, worklogCount: 1 },
      { key: 'b', rawSeconds: 200, roundedSeconds: 1800, coveredSeconds: 900, overageSeconds: 0, extraSeconds: 900, nonBillableSeconds: 0, worklogCount: 2 },
    ]);
  });

  it('is empty without lines', () => {
    expect(breakdownBy([], (l) => l.issueId)).toEqual([]);
  });
});
