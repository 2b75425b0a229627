import { firstInstantAtClock, localDateOf, localDatesBetween } from './wall-clock';

const iso = (instant: number) => new Date(instant).toISOString();

describe('firstInstantAtClock', () => {
  it('reads an ordinary time in the zone', () => {
    expect(iso(firstInstantAtClock({ year: 2026, month: 10, day: 5 }, 18 * 60, 'Europe/Berlin'))).toBe('2026-10-05T16:00:00.000Z');
  });

  it('gives the end of the gap for a time the clock skips', () => {
    expect(iso(firstInstantAtClock({ year: 2026, month: 3, day: 29 }, 150, 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    // Santiago skips midnight: the day starts at 01:00 (−03:00).
    expect(iso(firstInstantAtClock({ year: 2026, month: 9, day: 6 }, 0, 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    // Lord Howe moves by half an hour: 02:00 to 02:30.
    expect(iso(firstInstantAtClock({ year: 2026, month: 10, day: 4 }, 120, 'Australia/Lord_Howe'))).toBe('2026-10-03T15:30:00.000Z');
  });

  it('gives the first occurrence of a time the clock shows twice', () => {
    expect(iso(firstInstantAtClock({ year: 2026, month: 10, day: 25 }, 150, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(firstInstantAtClock({ year: 2026, month: 11, day: 1 }, 90, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('local dates', () => {
  it('reads the date of an instant in the zone, and every date between two instants', () => {
    expect(localDateOf(Date.parse('2026-10-04T23:30:00Z'), 'Europe/Berlin')).toEqual({ year: 2026, month: 10, day: 5 });
    expect(localDatesBetween(Date.parse('2026-12-31T20:00:00Z'), Date.parse('2027-01-01T01:00:00Z'), 'UTC')).toEqual([
      { year: 2026, month: 12, day: 31 },
      { year: 2027, month: 1, day: 1 },
    ]);
  });
});
