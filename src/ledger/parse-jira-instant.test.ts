import { LedgerInputError } from './errors';
import { parseJiraInstant, readJiraInstant } from './parse-jira-instant';

describe('parseJiraInstant', () => {
  it.each([
    ['2026-10-05T09:00:00.000+0200', Date.UTC(2026, 9, 5, 7)],
    ['2026-10-05T09:00:00.000+02:00', Date.UTC(2026, 9, 5, 7)],
    ['2026-10-05T09:00:00.000Z', Date.UTC(2026, 9, 5, 9)],
    ['2026-10-05T09:00:00Z', Date.UTC(2026, 9, 5, 9)],
    ['2026-10-05T09:00:00.5-0530', Date.UTC(2026, 9, 5, 14, 30, 0, 500)],
    ['2026-10-05T09:00:00.25+0000', Date.UTC(2026, 9, 5, 9, 0, 0, 250)],
    ['2026-01-01T00:30:00.123-0500', Date.UTC(2026, 0, 1, 5, 30, 0, 123)],
    ['2028-02-29T23:59:59.999+0100', Date.UTC(2028, 1, 29, 22, 59, 59, 999)],
  ])('reads %s', (text, expected) => {
    expect(parseJiraInstant(text, 'started')).toBe(expected);
  });

  it.each([
    '2026-10-05 09:00:00.000+0200',
    '2026-10-05T09:00:00.000',
    '2026-10-05T09:00:00.0000+0200',
    '2026-02-29T09:00:00.000+0000',
    '2026-13-01T09:00:00.000+0000',
    '2026-10-00T09:00:00.000+0000',
    '2026-10-05T24:00:00.000+0000',
    '2026-10-05T09:60:00.000+0000',
    '2026-10-05T09:00:60.000+0000',
    '2026-10-05T09:00:00.000+1900',
    '2026-10-05T09:00:00.000+0260',
    '0026-10-05T09:00:00.000+0000',
    '',
  ])('refuses %p naming the field', (text) => {
    expect(() => parseJiraInstant(text, 'worklogs[id=7].started')).toThrow(LedgerInputError);
    expect(() => parseJiraInstant(text, 'worklogs[id=7].started')).toThrow(/^worklogs\[id=7\]\.started: expected a timestamp/);
  });
});

describe('readJiraInstant', () => {
  it('answers null instead of throwing', () => {
    expect(readJiraInstant('2026-10-05T09:00:00Z')).toBe(Date.UTC(2026, 9, 5, 9));
    expect(readJiraInstant('2026-02-30T09:00:00Z')).toBeNull();
  });
});
