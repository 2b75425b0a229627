import { roundHalfUp, toSafeInteger } from './money';
import type { DateParts } from './local-date';
import { datesAround, spansOverlapping, type TimeCondition } from './multiplier-spans';
import type { ChargedSegment, ChargedWork, Instant, IssueAttributes, MultiplierCondition, MultiplierRule, Seconds, TimedIssueAttributes } from './types';

const NO_FACTOR = 1000;

/** The billable work a multiplier prices: a worklog's start, and its logged and rounded seconds. */
export interface BillableWork {
  readonly started: Instant;
  readonly rawSeconds: Seconds;
  readonly roundedSeconds: Seconds;
}

/**
 * The attributes in force at `instant`: the last entry with `since` ≤ instant, or the first when all are later.
 *
 * @example
 * attributesAt([{ since: 0, priority: 'P3' }, { since: 1000, priority: 'P1' }], 999)?.priority // 'P3'
 */
export function attributesAt(history: readonly TimedIssueAttributes[] | undefined, instant: Instant): IssueAttributes | undefined {
  if (history === undefined) return undefined;
  let inForce = history[0];
  for (const entry of history) if (entry.since <= instant) inForce = entry;
  return inForce;
}

/** Whether the condition looks at the clock and calendar only, not at the issue's priority or types. */
export function isTimeCondition(condition: MultiplierCondition): condition is TimeCondition {
  return condition.kind === 'time-window' || condition.kind === 'holidays';
}

function matchesAttributes(condition: Exclude<MultiplierCondition, TimeCondition>, attributes: IssueAttributes | undefined): boolean {
  const value = condition.kind === 'priority' ? attributes?.priority : condition.kind === 'issue-type' ? attributes?.issueType : attributes?.requestType;
  return value !== undefined && condition.values.includes(value);
}

/** The stretch of time a worklog occupies, in its plan's zone: at least a second, so a 0-second worklog is priced at its start. */
interface Occupied {
  readonly length: number;
  readonly end: Instant;
  /** Local dates whose spans can reach it; computed only once a time rule asks. */
  dates: readonly DateParts[] | null;
}

/** Where a rule holds over the worklog, as ranges `[from, to)` of its seconds (second k starts at started + k s). */
function heldSeconds(rule: MultiplierRule, work: BillableWork, occupied: Occupied, attributes: IssueAttributes | undefined, timeZone: string): [number, number][] {
  const { when } = rule;
  if (!isTimeCondition(when)) return matchesAttributes(when, attributes) ? [[0, occupied.length]] : [];
  occupied.dates ??= datesAround(work.started, occupied.end, timeZone);
  const secondAt = (instant: Instant) => Math.min(occupied.length, Math.max(0, Math.ceil((instant - work.started) / 1000)));
  return spansOverlapping(when, work.started, occupied.end, occupied.dates, timeZone).map((span) => [secondAt(span.start), secondAt(span.end)]);
}

/** Of the rules holding at a second, the index of the winner: the highest factor, then the first listed; -1 for none. */
function winnerAt(second: number, rules: readonly MultiplierRule[], held: readonly (readonly [number, number][])[]): number {
  let winner = -1;
  rules.forEach((rule, index) => {
    const holds = held[index]?.some(([from, to]) => from <= second && second < to) ?? false;
    if (holds && (winner === -1 || rule.factorPermille > (rules[winner]?.factorPermille ?? NO_FACTOR))) winner = index;
  });
  return winner;
}

/** No rule, or one at ×1 that leaves overage at the plan's rate: the work is priced as without multipliers. */
function changesNothing(rule: MultiplierRule | undefined): boolean {
  return rule === undefined || (rule.factorPermille === NO_FACTOR && rule.overageRateMinor === undefined);
}

function segment(started: Instant, rawSeconds: Seconds, roundedSeconds: Seconds, rule: MultiplierRule | undefined): ChargedSegment {
  const factorPermille = rule?.factorPermille ?? NO_FACTOR;
  const chargedSeconds = toSafeInteger(roundHalfUp(BigInt(roundedSeconds) * BigInt(factorPermille), 1000n), 'charged seconds');
  return { started, rawSeconds, roundedSeconds, ...(rule === undefined ? {} : { rule: rule.name }), factorPermille, chargedSeconds };
}

/**
 * What a term version's multiplier rules make of one billable worklog (docs/ledger.md, Multipliers): cut where the
 * winning rule changes, the rounding difference on the last segment, each segment's rounded seconds × its factor
 * rounded half up to a second. Null where every second keeps factor 1000 and no rule of its own overage rate won it:
 * the worklog is charged its rounded seconds, exactly as without rules.
 *
 * @param attributes the issue's attributes in force at the worklog's `started` (`attributesAt`)
 * @example
 * // 17:30 for 1 h, rounding off, "After hours" ×1.5 from 18:00
 * chargeWorklog({ started: at1730, rawSeconds: 3600, roundedSeconds: 3600 }, [afterHours], undefined, 'Europe/Berlin')
 * // { chargedSeconds: 4500, segments: [{ rawSeconds: 1800, factorPermille: 1000, chargedSeconds: 1800, … },
 * //                                    { rawSeconds: 1800, rule: 'After hours', factorPermille: 1500, chargedSeconds: 2700, … }] }
 */
export function chargeWorklog(
  work: BillableWork,
  rules: readonly MultiplierRule[],
  attributes: IssueAttributes | undefined,
  timeZone: string,
): ChargedWork | null {
  if (rules.length === 0) return null;
  const length = Math.max(work.rawSeconds, 1);
  const occupied: Occupied = { length, end: work.started + length * 1000, dates: null };
  const held = rules.map((rule) => heldSeconds(rule, work, occupied, attributes, timeZone));
  const cuts = [...new Set([0, ...held.flat(2).filter((second) => second > 0 && second < length)])].sort((a, b) => a - b);
  const pieces: { from: number; winner: number }[] = [];
  for (const cut of cuts) {
    const winner = winnerAt(cut, rules, held);
    if (pieces.at(-1)?.winner !== winner) pieces.push({ from: cut, winner });
  }
  if (pieces.every((piece) => changesNothing(rules[piece.winner]))) return null;
  const segments = pieces.map((piece, index) => {
    const to = pieces[index + 1]?.from ?? work.rawSeconds;
    const rawSeconds = to - piece.from;
    const isLast = index === pieces.length - 1;
    const roundedSeconds = isLast ? rawSeconds + work.roundedSeconds - work.rawSeconds : rawSeconds;
    return segment(work.started + piece.from * 1000, rawSeconds, roundedSeconds, rules[piece.winner]);
  });
  return { chargedSeconds: segments.reduce((sum, { chargedSeconds }) => sum + chargedSeconds, 0), segments };
}
