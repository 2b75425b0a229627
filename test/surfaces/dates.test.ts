import { formatDateTime, viewersOwn } from '../../static/shared/format/dates';

const NINE_UTC = Date.parse('2026-11-16T09:00:00Z');

describe('a date and time on screen', () => {
  it('names the zone when it is not the viewer’s own, so 09:00 UTC is never read as 09:00 in Berlin', () => {
    expect(formatDateTime(NINE_UTC, { timeZone: 'UTC', viewerTimeZone: 'Europe/Berlin' }, 'en-GB')).toBe('16 Nov 2026, 09:00 UTC');
    expect(formatDateTime(NINE_UTC, { timeZone: 'Europe/Berlin', viewerTimeZone: 'America/New_York' }, 'en-GB')).toBe('16 Nov 2026, 10:00 CET');
  });

  it('leaves the viewer’s own zone unnamed', () => {
    expect(formatDateTime(NINE_UTC, viewersOwn('Europe/Berlin'), 'en-GB')).toBe('16 Nov 2026, 10:00');
    expect(formatDateTime(NINE_UTC, viewersOwn('America/New_York'), 'en-US')).toBe('Nov 16, 2026, 4:00 AM');
  });
});
