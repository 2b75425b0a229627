import { addMonths as addMonthsToDate } from 'date-fns/addMonths';
import { LedgerInputError } from './errors';
import { addDays, addMonths, formatLocalDate, parseLocalDate, startOfLocalDate } from './local-date';

describe('parseLocalDate', () => {
  it('splits valid dates', () => {
    expect(parseLocalDate('2028-02-29', 'plan.startDate')).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-01T00:00'])('refuses %p', (text) => {
    expect(() => parseLocalDate(text, 'plan.startDate')).toThrow(LedgerInputError);
    expect(() => parseLocalDate(text, 'plan.startDate')).toThrow(/^plan\.startDate: expected a date/);
  });
});

describe('startOfLocalDate', () => {
  it('is local midnight, DST-correct', () => {
    // Berlin switches to summer time at 02:00 on 2026-03-29: midnight is still +01:00.
    expect(startOfLocalDate({ year: 2026, month: 3, day: 29 }, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 23));
    expect(startOfLocalDate({ year: 2026, month: 3, day: 30 }, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 22));
    // New York leaves summer time at 02:00 on 2026-11-01: midnight is still -04:00.
    expect(startOfLocalDate({ year: 2026, month: 11, day: 1 }, 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 4));
  });

  it('is the end of the gap on a day that skips midnight', () => {
    // Santiago springs forward at 00:00 on 2026-09-06: the day begins at 01:00 -03:00.
    expect(startOfLocalDate({ year: 2026, month: 9, day: 6 }, 'America/Santiago')).toBe(Date.UTC(2026, 8, 6, 4));
  });
});

describe('addDays and formatLocalDate', () => {
  it('moves across month and year ends', () => {
    expect(formatLocalDate(addDays({ year: 2028, month: 2, day: 29 }, 1))).toBe('2028-03-01');
    expect(formatLocalDate(addDays({ year: 2026, month: 12, day: 31 }, 1))).toBe('2027-01-01');
  });
});

describe('addMonths', () => {
  it('keeps the day of the month, or takes the last day of a shorter month', () => {
    expect(formatLocalDate(addMonths({ year: 2026, month: 1, day: 31 }, 1))).toBe('2026-02-28');
    expect(formatLocalDate(addMonths({ year: 2028, month: 1, day: 31 }, 1))).toBe('2028-02-29');
    expect(formatLocalDate(addMonths({ year: 2026, month: 11, day: 30 }, 3))).toBe('2027-02-28');
  });

  it('agrees with date-fns on every day of a leap year and the year before, 0 to 30 months on', () => {
    const mismatches: string[] = [];
    for (let day = 0; day < 731; day += 1) {
      const start = addDays({ year: 2027, month: 1, day: 1 }, day);
      for (let months = 0; months <= 30; months += 1) {
        // Noon, local to the machine: the calendar date date-fns moves is the same in any zone.
        const expected = addMonthsToDate(new Date(start.year, start.month - 1, start.day, 12), months);
        const actual = addMonths(start, months);
        if (actual.year !== expected.getFullYear() || actual.month !== expected.getMonth() + 1 || actual.day !== expected.getDate()) {
          mismatches.push(`${formatLocalDate(start)} + ${months}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
