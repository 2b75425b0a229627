import { roundWorklog } from './round-worklog';

const quarterHourMinimumHalfHour = { incrementSeconds: 900, minimumSeconds: 1800 };

describe('roundWorklog', () => {
  it.each([
    // raw, rounding, class, expected
    [600, { incrementSeconds: 900, minimumSeconds: 0 }, 'covered', 900], // ceil(600/900) × 900
    [900, { incrementSeconds: 900, minimumSeconds: 0 }, 'covered', 900], // already a multiple
    [901, { incrementSeconds: 900, minimumSeconds: 0 }, 'extra', 1800],
    [600, quarterHourMinimumHalfHour, 'covered', 1800], // 900 raised to the 1800 minimum
    [2000, quarterHourMinimumHalfHour, 'covered', 2700], // 3 × 900 is above the minimum
    [600, { incrementSeconds: 0, minimumSeconds: 1800 }, 'extra', 1800], // exact, then minimum
    [4321, { incrementSeconds: 0, minimumSeconds: 0 }, 'covered', 4321], // exact
    [600, quarterHourMinimumHalfHour, 'non-billable', 600], // never rounded
    [0, quarterHourMinimumHalfHour, 'covered', 0], // 0 stays 0: the minimum does not apply
    [0, quarterHourMinimumHalfHour, 'extra', 0],
  ] as const)('%p s with %p as %s counts %p s', (raw, rounding, billingClass, expected) => {
    expect(roundWorklog(raw, rounding, billingClass)).toBe(expected);
  });
});
