import { TZDate } from '@date-fns/tz';
import { LedgerInputError } from './errors';
import { addDays, addMonths, type DateParts, formatLocalDate, parseLocalDate, startOfLocalDate } from './local-date';
import type { Instant, Period, PeriodUnit, Plan } from './types';

const MONTHS_PER_PERIOD: Readonly<Record<PeriodUnit, number>> = { month: 1, quarter: 3, year: 12 };

/** The periods of one plan, computed on demand and cached. */
export interface PeriodCalendar {
  readonly planStart: Instant;
  /** Exclusive end of the plan's last day; null when the plan has no end date. */
  readonly planEnd: Instant | null;
  /** Index of the first period of each term version: `[0]` for a plan without amendments. */
  readonly versionStarts: readonly number[];
  /** Period `index`, or null when the plan has no such period. */
  period(index: number): Period | null;
  /** End of period `index`, or the plan's end when the plan ends before that period. */
  endOfPeriodOrPlan(index: number): Instant;
  /**
   * End of the `periods`-th period after period `index` in the sequence `index` belongs to, as if
   * that sequence went on; the plan's end when that comes first. Within one sequence the same as
   * `endOfPeriodOrPlan(index + periods)`.
   */
  endInSequence(index: number, periods: number): Instant;
  /** Index of the period containing `instant`, or null when it lies outside the plan. */
  indexContaining(instant: Instant): number | null;
  /** Index of the period starting in that local month (`month` 1–12), or null when there is none. */
  indexStartingIn(year: number, month: number): number | null;
}

/** A run of periods of one unit: from period `firstIndex`, whose start is `monthOffset` months after the plan's start. */
interface Sequence {
  readonly firstIndex: number;
  readonly monthOffset: number;
  readonly monthsPerPeriod: number;
}

const PERIOD_LABEL = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Builds the calendar of a plan. Period k starts at the start date + k months (3k for quarters,
 * 12k for years), the day clamped to the month's length and always computed from the start
 * date, at the first local instant of that date; it ends where the next begins, or at the end
 * of the plan's end date when that comes first. A term version that changes the unit starts a
 * new sequence at its first period: period `first + j` starts `j` of the new unit after it, the
 * day still the start date's (clamped).
 *
 * @throws LedgerInputError when an amendment's `from` is not the start of a period after the previous version's first
 * @example
 * const calendar = createPeriodCalendar(plan); // plan starting 2026-01-31, monthly, Europe/Berlin
 * calendar.period(1)?.startDate // '2026-02-28'
 */
export function createPeriodCalendar(plan: Plan): PeriodCalendar {
  const { timeZone } = plan;
  const firstDate = parseLocalDate(plan.startDate, 'plan.startDate');
  const lastDate = plan.endDate === undefined ? null : parseLocalDate(plan.endDate, 'plan.endDate');
  const afterLastDate = lastDate && addDays(lastDate, 1);
  const planStart = startOfLocalDate(firstDate, timeZone);
  if (Number.isNaN(planStart)) {
    throw new LedgerInputError('plan.timeZone', `unknown IANA time zone ${JSON.stringify(timeZone)}`);
  }
  const planEnd = afterLastDate && startOfLocalDate(afterLastDate, timeZone);
  // Period starts are calendar dates: no time zone is needed until their first instants.
  const dateAfter = (months: number): DateParts => addMonths(firstDate, months);
  const exists = (start: Instant): boolean => planEnd === null || start < planEnd;

  const { sequences, versionStarts } = buildSequences(plan, firstDate, (months) =>
    exists(startOfLocalDate(dateAfter(months), timeZone)),
  );
  const sequenceOf = (index: number): Sequence => lastWhere(sequences, (sequence) => sequence.firstIndex <= index);
  const monthsToStartOf = (index: number, sequence = sequenceOf(index)): number =>
    sequence.monthOffset + (index - sequence.firstIndex) * sequence.monthsPerPeriod;

  const startDateOf = memoizeByIndex((index): DateParts => dateAfter(monthsToStartOf(index)));
  const startOf = memoizeByIndex((index) => startOfLocalDate(startDateOf(index), timeZone));

  const computePeriod = (index: number): Period | null => {
    const start = startOf(index);
    if (!exists(start)) return null;
    const startDate = startDateOf(index);
    const nextStart = startOf(index + 1);
    const cut = afterLastDate !== null && planEnd !== null && planEnd < nextStart;
    return {
      index,
      label: formatLocalDate(startDate).slice(0, 7),
      startDate: formatLocalDate(startDate),
      endDateExclusive: formatLocalDate(cut ? afterLastDate : startDateOf(index + 1)),
      start,
      end: cut ? planEnd : nextStart,
    };
  };

  const cachedPeriod = memoizeByIndex(computePeriod);
  const period = (index: number): Period | null =>
    Number.isSafeInteger(index) && index >= 0 ? cachedPeriod(index) : null;

  const endOfPeriodOrPlan = (index: number): Instant => {
    const end = period(index)?.end ?? planEnd;
    if (end === null) throw new RangeError(`period ${index} does not exist in an open-ended plan`);
    return end;
  };

  const endInSequence = (index: number, periods: number): Instant => {
    const end = startOfLocalDate(dateAfter(monthsToStartOf(index + periods + 1, sequenceOf(index))), timeZone);
    return planEnd === null ? end : Math.min(end, planEnd);
  };

  const indexContaining = (instant: Instant): number | null => {
    if (instant < planStart || (planEnd !== null && instant >= planEnd)) return null;
    const sequence = lastWhere(sequences, ({ firstIndex }) => startOf(firstIndex) <= instant);
    const local = new TZDate(instant, timeZone);
    const monthsSinceStart = (local.getFullYear() - firstDate.year) * 12 + local.getMonth() + 1 - firstDate.month;
    let index =
      sequence.firstIndex + Math.max(0, Math.floor((monthsSinceStart - sequence.monthOffset) / sequence.monthsPerPeriod));
    while (index > sequence.firstIndex && startOf(index) > instant) index -= 1;
    while (startOf(index + 1) <= instant) index += 1;
    return index;
  };

  const indexStartingIn = (year: number, month: number): number | null => {
    const monthsSinceStart = (year - firstDate.year) * 12 + month - firstDate.month;
    const index = indexAtMonths(sequences, monthsSinceStart);
    return index === null || period(index) === null ? null : index;
  };

  return { planStart, planEnd, versionStarts, period, endOfPeriodOrPlan, endInSequence, indexContaining, indexStartingIn };
}

/** The last sequence that passes `test`; the first sequence always does, as period 0 starts the plan. */
function lastWhere(sequences: readonly Sequence[], test: (sequence: Sequence) => boolean): Sequence {
  let found = sequences[0];
  for (const sequence of sequences) if (test(sequence)) found = sequence;
  if (found === undefined) throw new RangeError('a calendar has at least one sequence of periods');
  return found;
}

/** The index of the period that starts `months` after the plan's start month, or null when none does. */
function indexAtMonths(sequences: readonly Sequence[], months: number): number | null {
  for (const sequence of [...sequences].reverse()) {
    const sinceFirst = months - sequence.monthOffset;
    if (sinceFirst < 0) continue;
    if (sinceFirst % sequence.monthsPerPeriod !== 0) return null;
    return sequence.firstIndex + sinceFirst / sequence.monthsPerPeriod;
  }
  return null;
}

/**
 * The plan's sequences of periods and the first period of each term version, checking that
 * each amendment starts at a period boundary after the previous version's first period.
 *
 * @param existsAt whether the plan has a period starting that many months after its start month
 */
function buildSequences(
  plan: Plan,
  firstDate: DateParts,
  existsAt: (months: number) => boolean,
): { sequences: Sequence[]; versionStarts: number[] } {
  const sequences: Sequence[] = [{ firstIndex: 0, monthOffset: 0, monthsPerPeriod: MONTHS_PER_PERIOD[plan.period] }];
  const versionStarts = [0];
  let unit = plan.period;
  (plan.amendments ?? []).forEach((amendment, position) => {
    const field = `plan.amendments[${position}].from`;
    const match = PERIOD_LABEL.exec(amendment.from);
    const months = match && (Number(match[1]) - firstDate.year) * 12 + Number(match[2]) - firstDate.month;
    const index = months === null ? null : indexAtMonths(sequences, months);
    const previousStart = versionStarts.at(-1) ?? 0;
    if (months === null || index === null || !existsAt(months)) {
      throw new LedgerInputError(field, `${JSON.stringify(amendment.from)} is not the first month of a period of the plan`);
    }
    if (index <= previousStart) {
      throw new LedgerInputError(field, `${amendment.from} must come after the first period of the version before`);
    }
    versionStarts.push(index);
    if (amendment.period !== unit) {
      sequences.push({ firstIndex: index, monthOffset: months, monthsPerPeriod: MONTHS_PER_PERIOD[amendment.period] });
      unit = amendment.period;
    }
  });
  return { sequences, versionStarts };
}

function memoizeByIndex<T>(compute: (index: number) => T): (index: number) => T {
  const cache = new Map<number, { readonly value: T }>();
  return (index) => {
    let entry = cache.get(index);
    if (entry === undefined) {
      entry = { value: compute(index) };
      cache.set(index, entry);
    }
    return entry.value;
  };
}
