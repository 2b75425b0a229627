import { blocksBroughtIn } from './blocks-brought-in';
import { buildStatement } from './build-statement';
import { buildLink, buildPlan, buildWorklog, HOUR } from './test-builders';
import type { Statement } from './types';

const broughtInSeconds = (statement: Statement) => blocksBroughtIn(statement).reduce((sum, bucket) => sum + bucket.openingSeconds, 0);

describe('blocksBroughtIn', () => {
  // 10 h included a month; a 20 h block bought in October, a 5 h one in November; 25 h covered in October.
  const plan = buildPlan({
    blocks: [
      { id: 'october', purchasedOn: '2026-10-01', seconds: 20 * HOUR, priceMinor: 0 },
      { id: 'november', purchasedOn: '2026-11-10', seconds: 5 * HOUR, priceMinor: 0 },
    ],
  });
  const statementOf = (period: string) =>
    buildStatement({ plan, links: [buildLink()], worklogs: [buildWorklog({ timeSpentSeconds: 25 * HOUR })], period });

  it('is empty in the period a block is bought in: the block counts as purchased there', () => {
    const october = statementOf('2026-10');
    expect(blocksBroughtIn(october)).toEqual([]);
    expect(october.purchasedSeconds).toBe(20 * HOUR);
  });

  it('holds what is left of a block bought in an earlier period, not the blocks bought in this one', () => {
    const november = statementOf('2026-11');
    expect(blocksBroughtIn(november).map((bucket) => [bucket.id, bucket.openingSeconds])).toEqual([['block:october', 5 * HOUR]]);
    expect(november.purchasedSeconds).toBe(5 * HOUR);
  });

  it('completes the parts of the available hours', () => {
    for (const statement of [statementOf('2026-10'), statementOf('2026-11'), statementOf('2026-12')]) {
      const parts = statement.includedSeconds + statement.carriedInSeconds + broughtInSeconds(statement) + statement.purchasedSeconds;
      expect(parts).toBe(statement.availableSeconds);
    }
  });
});
