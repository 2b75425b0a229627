import { fixedClock } from '../../src/app/ports/clock';
import { as, backendFixture, ISSUES, on, planInput, USERS, type BackendFixture } from './support/backend-fixture';

const DECEMBER = Date.parse('2026-12-05T12:00:00Z');
const thirtyHours = { name: '30 h', terms: { allowance: { includedSeconds: 30 * 3600, fixedFeeMinor: 250_000 } } };

describe('usage/advice', () => {
  let fixture: BackendFixture;
  beforeAll(async () => {
    fixture = backendFixture({ clock: fixedClock(DECEMBER) });
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    for (const issue of [ISSUES.sup1, ISSUES.sup2]) {
      await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(issue));
    }
    await fixture.queue.drain();
    await fixture.reconcile();
    const closed = await fixture.invoker.invoke('closing/close', { planId: 'acme-gold', period: '2026-09' }, as(USERS.admin), on.projectPage());
    expect(closed.ok).toBe(true);
    await fixture.queue.drain();
  });

  it('prices the last complete periods under each candidate beside what their statements charged', async () => {
    const advice = await fixture.invoker.invoke(
      'usage/advice',
      { planId: 'acme-gold', periods: 12, candidates: [{ name: 'as now', terms: {} }, thirtyHours] },
      as(USERS.manager),
      on.projectPage(),
    );
    if (!advice.ok) throw new Error(advice.error.message);
    expect(advice.data.periods).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(advice.data.paid.periods.map((period) => period.totalMinor)).toEqual([100_000, 106_000, 100_000]);
    const [same, thirty] = advice.data.candidates;
    expect(same?.differenceMinor).toBe(0);
    expect(thirty?.periods.map((period) => period.totalMinor)).toEqual([250_000, 250_000, 250_000]);
    expect([thirty?.differenceMinor, thirty?.periodsWithOverage, advice.data.paid.periodsWithOverage, advice.data.cheapest]).toEqual([444_000, 0, 1, 0]);
    expect([advice.data.planName, advice.data.currency, advice.data.periodUnit]).toEqual(['Acme Gold', 'EUR', 'month']);
  });

  it('reads the periods\' stored statements, no more than their own statements cost', async () => {
    const periods = ['2026-09', '2026-10', '2026-11'];
    fixture.runtime.resetKvsUsage();
    for (const period of periods) await fixture.invoker.invoke('usage/statement', { planId: 'acme-gold', period }, as(USERS.manager), on.projectPage());
    const statements = fixture.runtime.kvsUsage();
    fixture.runtime.resetKvsUsage();
    await fixture.invoker.invoke('usage/advice', { planId: 'acme-gold', periods: 3, candidates: [thirtyHours] }, as(USERS.manager), on.projectPage());
    const advice = fixture.runtime.kvsUsage();
    expect(advice.writes).toBe(0);
    // One plan read instead of one per statement.
    expect(advice.reads).toBeLessThanOrEqual(statements.reads - (periods.length - 1));
    expect(advice.readUnits).toBeLessThanOrEqual(statements.readUnits - (periods.length - 1));
    // And one figures head read instead of one per statement.
    expect(advice.reads).toBeLessThanOrEqual(statements.reads - 2 * (periods.length - 1));
  });

  it('refuses too many periods, too many candidates, twin names and a field the plan\'s kind does not price with, changing nothing', async () => {
    const before = await fixture.snapshot();
    const ask = (payload: unknown) => fixture.invoker.invoke('usage/advice', payload as never, as(USERS.manager), on.projectPage());
    const fieldsOf = async (payload: unknown) => {
      const answer = await ask(payload);
      return answer.ok ? [] : answer.error.fields;
    };
    expect(await fieldsOf({ planId: 'acme-gold', periods: 25, candidates: [thirtyHours] })).toEqual([{ path: 'periods', message: 'must be at most 24' }]);
    expect(await fieldsOf({ planId: 'acme-gold', candidates: Array.from({ length: 9 }, (_unused, index) => ({ ...thirtyHours, name: `c${index}` })) })).toEqual([
      { path: 'candidates', message: 'must have at most 8 candidates' },
    ]);
    expect(await fieldsOf({ planId: 'acme-gold', candidates: [thirtyHours, thirtyHours] })).toEqual([{ path: 'candidates[1].name', message: 'is used by an earlier candidate' }]);
    const hourly = await ask({ planId: 'acme-gold', candidates: [{ name: 'hourly', terms: { hourlyRateMinor: 9000 } }] });
    expect(hourly).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'A candidate gives terms its kind of plan does not price with.',
        fields: [{ path: 'candidates[0].terms.hourlyRateMinor', message: 'prices only pay-as-you-go terms, and these are buckets: give "kind": "pay-as-you-go" to use it' }],
      },
    });
    expect(await fixture.snapshot()).toEqual(before);
  });
});
