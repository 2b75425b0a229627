import fc from 'fast-check';
import { MAX_DELAY_SECONDS } from '../ports/queue';
import { timeCheck } from './timed-check';

describe('timing a check due once an instant has passed', () => {
  it('runs just after the instant when a queue can wait that long, else as late as it can, and never at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: -10_000_000, max: 10_000_000 }), (now, untilDue) => {
        const dueAt = now + untilDue;
        const { delayInSeconds, notBefore } = timeCheck(now, dueAt);
        expect(Number.isInteger(delayInSeconds)).toBe(true);
        expect(delayInSeconds).toBeGreaterThanOrEqual(1);
        expect(delayInSeconds).toBeLessThanOrEqual(MAX_DELAY_SECONDS);
        const runsAt = now + delayInSeconds * 1000;
        if (delayInSeconds < MAX_DELAY_SECONDS) expect(runsAt).toBeGreaterThan(dueAt);
        if (runsAt > dueAt && delayInSeconds > 1) expect(runsAt - 1000).toBeLessThanOrEqual(dueAt);
        expect(notBefore).toBeGreaterThan(now);
        expect(notBefore).toBeLessThan(runsAt);
      }),
    );
  });
});
