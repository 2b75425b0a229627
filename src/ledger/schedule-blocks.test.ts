import { LedgerInputError } from './errors';
import { scheduleBlocks } from './schedule-blocks';
import { buildPayAsYouGoPlan, buildPlan } from './test-builders';

describe('scheduleBlocks', () => {
  it('places blocks at local day bounds in purchase order, keeping the plan order on the same day', () => {
    const plan = buildPlan({
      timeZone: 'Europe/Berlin',
      blocks: [
        { id: 'later', purchasedOn: '2026-11-02', seconds: 3600, priceMinor: 0 },
        { id: 'same-day-first', purchasedOn: '2026-10-25', seconds: 3600, expiresOn: '2026-10-25', priceMinor: 0 },
        { id: 'same-day-second', purchasedOn: '2026-10-25', seconds: 3600, priceMinor: 0 },
      ],
    });
    expect(scheduleBlocks(plan).map(({ block, purchasedAt, expiresAt }) => [block.id, purchasedAt, expiresAt])).toEqual([
      // 2026-10-25 is the day Berlin leaves summer time: it starts at +02:00 and ends at +01:00 (25 hours).
      ['same-day-first', Date.UTC(2026, 9, 24, 22), Date.UTC(2026, 9, 25, 23)],
      ['same-day-second', Date.UTC(2026, 9, 24, 22), null],
      ['later', Date.UTC(2026, 10, 1, 23), null],
    ]);
  });

  it('has nothing to schedule for pay-as-you-go plans', () => {
    expect(scheduleBlocks(buildPayAsYouGoPlan())).toEqual([]);
  });

  it('names the field of an impossible date', () => {
    const plan = buildPlan({ blocks: [{ id: 'x', purchasedOn: '2026-02-30', seconds: 1, priceMinor: 0 }] });
    expect(() => scheduleBlocks(plan)).toThrow(LedgerInputError);
    expect(() => scheduleBlocks(plan)).toThrow(/^plan\.blocks\[0\]\.purchasedOn: /);
  });
});
