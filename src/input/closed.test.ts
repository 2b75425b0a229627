import { buildStatement } from '../ledger/build-statement';
import { canonicalJson } from '../ledger/canonical-json';
import { buildLink, buildPlan, buildWorklog, HOUR } from '../ledger/test-builders';
import { parseClosedStatements } from './closed';

describe('parseClosedStatements', () => {
  it('keeps every multiplier field of a frozen statement, so it reads back byte for byte', () => {
    const plan = buildPlan({
      allowance: { includedSeconds: HOUR, fixedFeeMinor: 0 },
      multipliers: [
        { name: 'After hours', when: { kind: 'time-window', days: ['mon'], from: '18:00', to: '08:00' }, factorPermille: 1500, overageRateMinor: 15000 },
      ],
    });
    const worklogs = [buildWorklog({ started: '2026-10-05T17:00:00.000+0000', timeSpentSeconds: 2 * HOUR })];
    const statement = buildStatement({ plan, links: [buildLink()], worklogs, period: '2026-10' });
    expect(statement.lines[0]?.segments).toHaveLength(2);
    expect(statement.charges.some((charge) => charge.multiplierRules !== undefined)).toBe(true);
    const parsed = parseClosedStatements(JSON.parse(JSON.stringify([{ ...statement, closedVersion: 1 }])));
    expect(parsed.ok && canonicalJson(parsed.value[0]?.statement)).toBe(canonicalJson({ ...statement, closedVersion: 1 }));
  });
});
