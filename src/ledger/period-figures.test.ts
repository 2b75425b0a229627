import { buildStatement } from './build-statement';
import { answerUntil, figuresAsOf, periodFigures, statementFigures } from './period-figures';
import { buildLink, buildPlan, buildWorklog, HOUR } from './test-builders';
import { LATER_STARTS_MAX } from './use-progress';

const MINUTE_MS = 60_000;
const CUTOFF = Date.UTC(2026, 9, 5);
/** Stored figures of a period stay this small however much work is logged ahead of their cutoff. */
const STORED_BYTES_MAX = 4 * 1024;

describe('period figures with work logged ahead of their cutoff', () => {
  // October 2026: 10 h covered before the cutoff, then 25,000 one-minute worklogs from Oct 5 00:00, one a minute, some two at the same instant.
  const plan = buildPlan({ allowance: { includedSeconds: 500 * HOUR, fixedFeeMinor: 0 } });
  const ahead = Array.from({ length: 25_000 }, (_, index) =>
    buildWorklog({ id: String(100 + index), started: new Date(CUTOFF + Math.floor(index / 2) * 2 * MINUTE_MS + (index % 3 === 0 ? 0 : MINUTE_MS)).toISOString().replace('Z', '+0000'), timeSpentSeconds: 60 }),
  );
  const worklogs = [buildWorklog({ id: '1', started: '2026-10-02T09:00:00.000+0000', timeSpentSeconds: 10 * HOUR }), ...ahead];
  const statementAsOf = (asOf: number) => buildStatement({ plan, links: [buildLink()], worklogs, period: '2026-10', asOf });
  const stored = periodFigures(statementAsOf(CUTOFF), CUTOFF);

  it('stay under a fixed size', () => {
    expect(JSON.stringify(stored).length).toBeLessThan(STORED_BYTES_MAX);
  });

  it('answer exactly from their cutoff through their last instant, as a full replay does', () => {
    const until = answerUntil(stored);
    if (until === null) throw new Error('expected the figures to leave work out');
    // The kept start instants are the first ones after the cutoff, so they answer only through the start of the first one left out.
    expect(until).toBeGreaterThan(CUTOFF + (LATER_STARTS_MAX / 2) * MINUTE_MS);
    for (const asOf of [CUTOFF, CUTOFF + 7 * MINUTE_MS + 1, CUTOFF + 40 * MINUTE_MS, until - 1, until]) {
      expect(figuresAsOf(JSON.parse(JSON.stringify(stored)) as typeof stored, asOf)).toEqual(statementFigures(statementAsOf(asOf)));
    }
    expect(() => figuresAsOf(stored, until + 1)).toThrow(RangeError);
  });

  it('answer any later instant when nothing is left out', () => {
    const few = periodFigures(buildStatement({ plan, links: [buildLink()], worklogs: worklogs.slice(0, 10), period: '2026-10', asOf: CUTOFF }), CUTOFF);
    expect(answerUntil(few)).toBeNull();
    const late = Date.UTC(2026, 9, 30);
    expect(figuresAsOf(few, late)).toEqual(statementFigures(buildStatement({ plan, links: [buildLink()], worklogs: worklogs.slice(0, 10), period: '2026-10', asOf: late })));
  });
});
