import { FORGE_KVS_LIMITS } from '../../../app/ports/store';
import { KvsRefusal } from './kvs-refusal';
import { UNITS_PER_MINUTE, UsageBudget } from './usage-budget';

const UNIT = FORGE_KVS_LIMITS.usageUnitBytes;
const MINUTE = Date.parse('2026-10-20T12:00:00Z');

function budgetAt(start: number, enforce = true) {
  const clock = { current: start, now: () => clock.current };
  return { clock, budget: new UsageBudget({ clock, enforce, unitsPerMinute: UNITS_PER_MINUTE }) };
}

function refusalOf(spend: () => void): KvsRefusal | undefined {
  try {
    spend();
    return undefined;
  } catch (error) {
    if (error instanceof KvsRefusal) return error;
    throw error;
  }
}

describe('the per-minute KVS budget', () => {
  it('charges ⌈bytes / 10 KiB⌉ units a request, at least 1', () => {
    const { budget } = budgetAt(MINUTE);
    for (const bytes of [0, 1, UNIT, UNIT + 1, 65 * 1024]) budget.spend('read', bytes);
    budget.spend('write', 0);

    expect(budget.snapshot()).toEqual({ reads: 5, readUnits: 1 + 1 + 1 + 2 + 7, writes: 1, writeUnits: 1, refused: 0 });
  });

  it(`allows ${UNITS_PER_MINUTE} read units a minute, then refuses with the seconds left in the minute, reads and writes apart`, () => {
    const { clock, budget } = budgetAt(MINUTE);
    for (let read = 0; read < UNITS_PER_MINUTE / 10; read += 1) budget.spend('read', 10 * UNIT);
    clock.current = MINUTE + 42_500;

    const refused = refusalOf(() => budget.spend('read', 0));
    budget.spend('write', 10 * UNIT);
    clock.current = MINUTE + 60_000;
    budget.spend('read', 10 * UNIT);

    expect([refused?.refusal, refused?.headers]).toEqual([{ status: 429, code: 'RATE_LIMIT_EXCEEDED' }, { 'Retry-After': '18' }]);
    expect(budget.snapshot()).toEqual({ reads: UNITS_PER_MINUTE / 10 + 1, readUnits: UNITS_PER_MINUTE + 10, writes: 1, writeUnits: 10, refused: 1 });
  });

  it('counts the minute by the clock, not from the first request', () => {
    const { clock, budget } = budgetAt(MINUTE + 59_000);
    budget.spend('write', UNITS_PER_MINUTE * UNIT);
    clock.current = MINUTE + 60_000;

    expect(refusalOf(() => budget.spend('write', UNITS_PER_MINUTE * UNIT))).toBeUndefined();
    expect(refusalOf(() => budget.spend('write', 0))?.headers).toEqual({ 'Retry-After': '60' });
  });

  it('counts without refusing when not enforced, and starts again from zero when reset', () => {
    const { budget } = budgetAt(MINUTE, false);
    budget.spend('read', 2 * UNITS_PER_MINUTE * UNIT);
    expect(budget.snapshot().readUnits).toBe(2 * UNITS_PER_MINUTE);
    budget.reset();
    expect(budget.snapshot()).toEqual({ reads: 0, readUnits: 0, writes: 0, writeUnits: 0, refused: 0 });
  });
});
