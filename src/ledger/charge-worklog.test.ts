import { attributesAt, chargeWorklog } from './charge-worklog';
import type { MultiplierRule } from './types';

const afterHours: MultiplierRule = { name: 'After hours', when: { kind: 'time-window', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '18:00', to: '08:00' }, factorPermille: 1500 };
const weekend: MultiplierRule = { name: 'Weekend', when: { kind: 'time-window', days: ['sat', 'sun'], from: '00:00', to: '00:00' }, factorPermille: 2000 };
const holiday: MultiplierRule = { name: 'Holiday', when: { kind: 'holidays', dates: ['2026-12-25'] }, factorPermille: 2000 };
const p1: MultiplierRule = { name: 'P1', when: { kind: 'priority', values: ['1'] }, factorPermille: 2000, overageRateMinor: 20000 };
const at = (iso: string) => Date.parse(iso);

describe('chargeWorklog', () => {
  it('splits 17:30 for 1 h at an 18:00 window, exactly in seconds', () => {
    const work = { started: at('2026-10-05T17:30:00+02:00'), rawSeconds: 3600, roundedSeconds: 3600 };
    expect(chargeWorklog(work, [afterHours], undefined, 'Europe/Berlin')).toEqual({
      chargedSeconds: 4500,
      segments: [
        { started: work.started, rawSeconds: 1800, roundedSeconds: 1800, factorPermille: 1000, chargedSeconds: 1800 },
        { started: at('2026-10-05T18:00:00+02:00'), rawSeconds: 1800, roundedSeconds: 1800, rule: 'After hours', factorPermille: 1500, chargedSeconds: 2700 },
      ],
    });
  });

  it('puts the whole rounding difference on the last segment', () => {
    // 17:55 for 10 min, rounded to 30: 5 min before the window, 5 logged + 20 rounded in it.
    const work = { started: at('2026-10-05T17:55:00+02:00'), rawSeconds: 600, roundedSeconds: 1800 };
    const charged = chargeWorklog(work, [afterHours], undefined, 'Europe/Berlin');
    expect(charged?.segments.map(({ rawSeconds, roundedSeconds, chargedSeconds }) => [rawSeconds, roundedSeconds, chargedSeconds])).toEqual([
      [300, 300, 300],
      [300, 1500, 2250],
    ]);
  });

  it('cuts on whole seconds when the worklog starts between seconds', () => {
    const work = { started: at('2026-10-05T17:59:58.400+02:00'), rawSeconds: 5, roundedSeconds: 5 };
    // Seconds start at 58.4 and 59.4 (before 18:00), then 00.4, 01.4, 02.4 (in the window).
    expect(chargeWorklog(work, [afterHours], undefined, 'Europe/Berlin')?.segments.map((s) => s.rawSeconds)).toEqual([2, 3]);
  });

  it('runs an overnight window into the next day, and only from the weekdays it starts on', () => {
    // Friday 23:00 for 10 h: after hours to Saturday 08:00, then the weekend at ×2 (which also holds from midnight and wins).
    const work = { started: at('2026-10-09T23:00:00Z'), rawSeconds: 10 * 3600, roundedSeconds: 10 * 3600 };
    expect(chargeWorklog(work, [afterHours, weekend], undefined, 'UTC')?.segments.map((s) => [s.rule, s.rawSeconds])).toEqual([
      ['After hours', 3600],
      ['Weekend', 9 * 3600],
    ]);
    // Sunday 22:00 for 4 h: Sunday's window is not after hours (a weekend day), Monday's starts at 18:00: the weekend ends at midnight.
    const sunday = { started: at('2026-10-11T22:00:00Z'), rawSeconds: 4 * 3600, roundedSeconds: 4 * 3600 };
    expect(chargeWorklog(sunday, [afterHours, weekend], undefined, 'UTC')?.segments.map((s) => [s.rule, s.rawSeconds])).toEqual([
      ['Weekend', 2 * 3600],
      [undefined, 2 * 3600],
    ]);
  });

  it('counts a whole-day window as the local day, 23 hours on the day DST starts', () => {
    // Sunday 2026-03-29 in Berlin lasts 23 h: a worklog over all of it and an hour of Monday.
    const work = { started: at('2026-03-29T00:00:00+01:00'), rawSeconds: 24 * 3600, roundedSeconds: 24 * 3600 };
    expect(chargeWorklog(work, [weekend], undefined, 'Europe/Berlin')?.segments.map((s) => [s.rule, s.rawSeconds])).toEqual([
      ['Weekend', 23 * 3600],
      [undefined, 3600],
    ]);
  });

  it('starts a window at a skipped time at the end of the gap, and at the first of a repeated time', () => {
    const night: MultiplierRule = { name: 'Night', when: { kind: 'time-window', days: ['sun'], from: '02:30', to: '04:00' }, factorPermille: 1500 };
    // 2026-03-29: the clock jumps from 02:00 to 03:00, so the window runs 03:00–04:00 (one hour).
    const spring = { started: at('2026-03-29T01:00:00+01:00'), rawSeconds: 3 * 3600, roundedSeconds: 3 * 3600 };
    expect(chargeWorklog(spring, [night], undefined, 'Europe/Berlin')?.segments.map((s) => [s.rule, s.rawSeconds])).toEqual([
      [undefined, 3600],
      ['Night', 3600],
      [undefined, 3600],
    ]);
    // 2026-10-25: 02:30 comes twice; the window runs from the first 02:30 (+02:00) to 04:00 (+01:00): 2.5 h.
    const autumn = { started: at('2026-10-25T02:00:00+02:00'), rawSeconds: 4 * 3600, roundedSeconds: 4 * 3600 };
    expect(chargeWorklog(autumn, [night], undefined, 'Europe/Berlin')?.segments.map((s) => [s.rule, s.rawSeconds])).toEqual([
      [undefined, 1800],
      ['Night', 9000],
      [undefined, 3600],
    ]);
  });

  it('lets the highest factor win where a holiday and a window overlap, and the first listed of equal factors', () => {
    // Friday 2026-12-25 16:00 for 4 h: the holiday (×2) beats after hours (×1.5) throughout.
    const work = { started: at('2026-12-25T16:00:00Z'), rawSeconds: 4 * 3600, roundedSeconds: 4 * 3600 };
    expect(chargeWorklog(work, [afterHours, holiday], undefined, 'UTC')?.segments.map((s) => [s.rule, s.rawSeconds])).toEqual([['Holiday', 4 * 3600]]);
    // Holiday and P1 are both ×2: the one listed first names every segment.
    expect(chargeWorklog(work, [p1, holiday], { priority: '1' }, 'UTC')?.segments.map((s) => s.rule)).toEqual(['P1']);
    expect(chargeWorklog(work, [holiday, p1], { priority: '1' }, 'UTC')?.segments.map((s) => s.rule)).toEqual(['Holiday']);
  });

  it('never multiplies factors together', () => {
    const work = { started: at('2026-10-05T20:00:00Z'), rawSeconds: 3600, roundedSeconds: 3600 };
    expect(chargeWorklog(work, [afterHours, p1], { priority: '1' }, 'UTC')?.chargedSeconds).toBe(7200);
  });

  it('rounds each segment\'s charged seconds half up', () => {
    const quarter: MultiplierRule = { name: 'Q', when: { kind: 'priority', values: ['1'] }, factorPermille: 1250 };
    const work = (seconds: number) => ({ started: 0, rawSeconds: seconds, roundedSeconds: seconds });
    expect(chargeWorklog(work(1002), [quarter], { priority: '1' }, 'UTC')?.chargedSeconds).toBe(1253); // 1252.5 → 1253
    expect(chargeWorklog(work(1001), [quarter], { priority: '1' }, 'UTC')?.chargedSeconds).toBe(1251); // 1251.25 → 1251
  });

  it('is null where nothing changes: no rules, no match, or factor ×1 without an overage rate of its own', () => {
    const work = { started: at('2026-10-05T10:00:00Z'), rawSeconds: 3600, roundedSeconds: 3600 };
    expect(chargeWorklog(work, [], undefined, 'UTC')).toBeNull();
    expect(chargeWorklog(work, [afterHours, p1], { priority: '2' }, 'UTC')).toBeNull();
    const { overageRateMinor: _rate, ...p1WithoutRate } = p1;
    expect(chargeWorklog(work, [{ ...p1WithoutRate, factorPermille: 1000 }], { priority: '1' }, 'UTC')).toBeNull();
  });

  it('keeps the segment of a ×1 rule with its own overage rate, so its overage is billed at that rate', () => {
    const work = { started: at('2026-10-05T10:00:00Z'), rawSeconds: 3600, roundedSeconds: 3600 };
    expect(chargeWorklog(work, [{ ...p1, factorPermille: 1000 }], { priority: '1' }, 'UTC')?.segments).toEqual([
      { started: work.started, rawSeconds: 3600, roundedSeconds: 3600, rule: 'P1', factorPermille: 1000, chargedSeconds: 3600 },
    ]);
  });

  it('prices a 0-second worklog at its start', () => {
    const work = { started: at('2026-10-05T19:00:00Z'), rawSeconds: 0, roundedSeconds: 0 };
    expect(chargeWorklog(work, [afterHours], undefined, 'UTC')).toEqual({
      chargedSeconds: 0,
      segments: [{ started: work.started, rawSeconds: 0, roundedSeconds: 0, rule: 'After hours', factorPermille: 1500, chargedSeconds: 0 }],
    });
  });
});

describe('attributesAt', () => {
  const history = [
    { since: 1000, priority: '3' },
    { since: 5000, priority: '1' },
  ];

  it('takes the last entry at or before the instant', () => {
    expect(attributesAt(history, 4999)?.priority).toBe('3');
    expect(attributesAt(history, 5000)?.priority).toBe('1');
  });

  it('takes the first entry for work before every entry, and nothing without a history', () => {
    expect(attributesAt(history, 0)?.priority).toBe('3');
    expect(attributesAt(undefined, 0)).toBeUndefined();
    expect(attributesAt([], 0)).toBeUndefined();
  });
});
