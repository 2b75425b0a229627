import { amountForPeople, instantInZone, localDateTime } from '../../src/cli/quantities';

describe('amountForPeople', () => {
  it.each([
    [3220000, 'EUR', 'EUR 32,200.00'],
    [5, 'EUR', 'EUR 0.05'],
    [0, 'GBP', 'GBP 0.00'],
    [123456, 'JPY', 'JPY 123,456'],
    [1234, 'BHD', 'BHD 1.234'],
    [9007199254740991, 'EUR', 'EUR 90,071,992,547,409.91'],
  ])('%d %s → %s', (amountMinor, currency, forPeople) => {
    expect(amountForPeople(amountMinor, currency)).toBe(forPeople);
  });
});

describe('instants in the plan time zone', () => {
  it('shows the offset the zone has at that instant, across the DST change', () => {
    expect(instantInZone(Date.parse('2026-10-24T22:00:00Z'), 'Europe/Berlin')).toBe('2026-10-25T00:00:00.000+02:00');
    expect(instantInZone(Date.parse('2026-10-25T23:00:00Z'), 'Europe/Berlin')).toBe('2026-10-26T00:00:00.000+01:00');
    expect(instantInZone(Date.parse('2026-03-08T12:00:00Z'), 'America/New_York')).toBe('2026-03-08T08:00:00.000-04:00');
    expect(instantInZone(0, 'UTC')).toBe('1970-01-01T00:00:00.000+00:00');
  });

  it('shows local date and time for people', () => {
    expect(localDateTime(Date.parse('2026-10-20T12:00:00Z'), 'Europe/Berlin')).toBe('2026-10-20 14:00');
  });
});
