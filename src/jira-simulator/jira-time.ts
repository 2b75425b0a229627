import { TZDate } from '@date-fns/tz';

/** Jira's worklog `started` shape: milliseconds and an offset without a colon, e.g. `+0200`. */
const STARTED_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(?:[+-]\d{4}|Z)$/;

/** Epoch ms of a Jira `started` value, or null when it is not in Jira's format. */
export function parseStarted(started: string): number | null {
  if (!STARTED_PATTERN.test(started)) return null;
  // With a colon in the offset it is ECMAScript's own date-time format, which Date.parse reads exactly.
  const instant = Date.parse(started.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(instant) ? null : instant;
}

/** Jira's date-time format (`2026-10-05T09:00:00.000+0000`), in UTC. */
export function formatJiraDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

/** `+0200`, `-0430`: Jira's offset notation, without a colon. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  const minutes = String(absolute % 60).padStart(2, '0');
  return `${sign}${hours}${minutes}`;
}

const LOCAL_DATE_TIME = /^(\d{4})[-/](\d{2})[-/](\d{2})(?: (\d{2}):(\d{2}))?$/;

/** Epoch ms of a JQL date (`YYYY-MM-DD`, `YYYY/MM/DD`, optionally ` HH:mm`) read in `timeZone`; null if malformed. */
export function parseJqlDate(text: string, timeZone: string): number | null {
  const match = LOCAL_DATE_TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match;
  const date = new TZDate(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), timeZone);
  const valid = date.getFullYear() === Number(year) && date.getMonth() === Number(month) - 1 && date.getDate() === Number(day);
  return valid ? date.getTime() : null;
}

/** Start (epoch ms) of the local day after the one that starts at `dayStart`, in `timeZone`. */
export function nextLocalDayStart(dayStart: number, timeZone: string): number {
  const local = new TZDate(dayStart, timeZone);
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, timeZone).getTime();
}

/** Jira's `timeSpent` text for seconds, with its default 8-hour days and 5-day weeks. */
export function formatTimeSpent(seconds: number): string {
  const units: readonly [string, number][] = [
    ['w', 5 * 8 * 3600],
    ['d', 8 * 3600],
    ['h', 3600],
    ['m', 60],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [suffix, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${suffix}`);
    rest -= count * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0m';
}
