import { type Bucket, byDrawPriority } from './draw-order';
import { billedSecondsOf, type LedgerEntry } from './ledger-entry';
import type { PeriodCalendar } from './period-calendar';
import type { ScheduledBlock } from './schedule-blocks';
import type { TermsInForce } from './terms-in-force';
import type { BucketDraw, BucketSummary, CarriedInLot, Instant, Period, Plan, Seconds } from './types';

const ROLLOVER_RANK = 0;
const ALLOWANCE_RANK = 1;
const FIRST_BLOCK_RANK = 2;

/** One period as the replay left it. */
export interface PeriodReplay {
  readonly period: Period;
  /** The terms that priced the period. */
  readonly terms: TermsInForce;
  /** In draw order. */
  readonly entries: readonly LedgerEntry[];
  /** Aligned with `entries`: the buckets each covered entry drew on, in draw order. */
  readonly draws: readonly (readonly BucketDraw[])[];
  /** Aligned with `entries`: the part of each covered entry of a bucket plan that no bucket could hold. */
  readonly overageSeconds: readonly Seconds[];
  /** Every bucket usable in the period with a positive opening balance, in draw priority. */
  readonly buckets: readonly BucketSummary[];
  readonly carriedIn: readonly CarriedInLot[];
  /** Where the replay stood at the period's end: what the next period starts from. */
  readonly closing: ReplayCheckpoint;
}

const NO_DRAWS: readonly BucketDraw[] = [];

/**
 * Where a replay stands at a period boundary: the buckets still alive, with their balances, and
 * how many of the plan's blocks (those with hours, in purchase order) have become buckets. Plain
 * JSON, so it can be stored and a replay resumed from it.
 */
export interface ReplayCheckpoint {
  readonly alive: readonly Bucket[];
  readonly blocksTaken: number;
}

/** The state before the plan's first period. */
export const PLAN_START_CHECKPOINT: ReplayCheckpoint = { alive: [], blocksTaken: 0 };

/**
 * Replays a plan's consecutive periods from `opening` (by default its first period, from the plan's
 * start): each period's allowance and the blocks bought by its
 * end become buckets, covered work draws on the usable bucket expiring soonest, unused hours
 * expire with their bucket, and each period's unused allowance rolls over as a lot (at most the
 * cap, usable from the next period, expiring at the end of the K-th period after in the
 * sequence of periods that made it, or the plan's end). Allowance, cap and K are those of the
 * terms in force in the period that makes the bucket; a lot keeps its expiry under later terms.
 *
 * @param periods consecutive periods, starting with period 0 unless `opening` is where a replay stood before the first
 * @param terms the terms in force in `periods[i]` at index i
 * @param entriesByPeriod the entries of `periods[i]` at index i, in draw order
 * @param opening the checkpoint the period before `periods[0]` closed with
 * @example
 * replayPeriods(calendar, periods, terms, prepared.byPeriod, scheduleBlocks(plan)).at(-1)?.buckets
 */
export function replayPeriods(
  calendar: PeriodCalendar,
  periods: readonly Period[],
  terms: readonly TermsInForce[],
  entriesByPeriod: readonly (readonly LedgerEntry[])[],
  blocks: readonly ScheduledBlock[],
  opening: ReplayCheckpoint = PLAN_START_CHECKPOINT,
): PeriodReplay[] {
  let checkpoint = opening;
  return periods.map((period, position) => {
    const periodTerms = terms[position];
    if (periodTerms === undefined) throw new RangeError(`replayPeriods: no terms for period ${period.label}`);
    const replay = replayPeriod(calendar, period, periodTerms, entriesByPeriod[position] ?? [], blocks, checkpoint);
    checkpoint = replay.closing;
    return replay;
  });
}

/**
 * Replays one period from the checkpoint the previous period closed with (`PLAN_START_CHECKPOINT`
 * for period 0): the steps `replayPeriods` takes for it, so a replay resumed from a stored
 * checkpoint equals the replay from the plan's start.
 *
 * @param entries the period's entries in draw order
 * @example
 * const { buckets, closing } = replayPeriod(calendar, october, terms, entries, scheduleBlocks(plan), septemberClosing)
 */
export function replayPeriod(
  calendar: PeriodCalendar,
  period: Period,
  terms: TermsInForce,
  entries: readonly LedgerEntry[],
  blocks: readonly ScheduledBlock[],
  opening: ReplayCheckpoint,
): PeriodReplay {
  const { plan } = terms;
  let alive = opening.alive.map((bucket) => ({ ...bucket }));
  const allowance = allowanceBucket(plan, period);
  if (allowance !== null) alive.push(allowance);
  const pendingBlocks = blockBuckets(blocks);
  let blocksTaken = opening.blocksTaken;
  for (let next = pendingBlocks[blocksTaken]; next !== undefined && next.usableFrom < period.end; next = pendingBlocks[blocksTaken]) {
    alive.push(next);
    blocksTaken += 1;
  }

  const usable = alive.filter((bucket) => bucket.balance > 0 && isUsableDuring(bucket, period)).sort(byDrawPriority);
  const openings = usable.map((bucket) => bucket.balance);
  const { draws, overageSeconds } = drawEntries(entries, usable, plan.kind === 'buckets');
  const buckets = usable.map((bucket, index) => summarise(bucket, openings[index] ?? 0, period));
  const carriedIn = usable.flatMap(({ id, fromPeriod, expiresAt }, index): CarriedInLot[] =>
    fromPeriod === undefined || expiresAt === null
      ? []
      : [{ bucketId: id, fromPeriod, seconds: openings[index] ?? 0, expiresAt }],
  );

  alive = alive.filter((bucket) => bucket.balance > 0 && !expiresBy(bucket, period.end));
  const lot = allowance && rolloverLot(plan, calendar, period, allowance.balance);
  if (lot) alive.push(lot);
  return { period, terms, entries, draws, overageSeconds, buckets, carriedIn, closing: { alive, blocksTaken } };
}

/** Covered entries of a bucket plan draw on the usable buckets; anything else draws nothing. */
function drawEntries(
  entries: readonly LedgerEntry[],
  usableInPriority: readonly Bucket[],
  isBucketPlan: boolean,
): Pick<PeriodReplay, 'draws' | 'overageSeconds'> {
  const draws: (readonly BucketDraw[])[] = [];
  const overageSeconds: Seconds[] = [];
  for (const entry of entries) {
    const drawn =
      isBucketPlan && entry.billingClass === 'covered'
        ? drawOn(usableInPriority, billedSecondsOf(entry), entry.started)
        : NO_DRAWS;
    draws.push(drawn);
    overageSeconds.push(drawn === NO_DRAWS ? 0 : billedSecondsOf(entry) - sumOfDraws(drawn));
  }
  return { draws, overageSeconds };
}

function blockBuckets(blocks: readonly ScheduledBlock[]): Bucket[] {
  return blocks
    .map(({ block, purchasedAt, expiresAt }, position): Bucket => ({
      id: `block:${block.id}`,
      kind: 'block',
      usableFrom: purchasedAt,
      expiresAt,
      rank: FIRST_BLOCK_RANK + position,
      balance: block.seconds,
    }))
    .filter((bucket) => bucket.balance > 0);
}

function allowanceBucket(plan: Plan, period: Period): Bucket | null {
  const includedSeconds = plan.kind === 'buckets' ? (plan.allowance?.includedSeconds ?? 0) : 0;
  if (includedSeconds <= 0) return null;
  return {
    id: `allowance:${period.label}`,
    kind: 'allowance',
    usableFrom: period.start,
    expiresAt: period.end,
    rank: ALLOWANCE_RANK,
    balance: includedSeconds,
  };
}

function rolloverLot(plan: Plan, calendar: PeriodCalendar, period: Period, unusedSeconds: Seconds): Bucket | null {
  const rollover = plan.kind === 'buckets' ? plan.allowance?.rollover : undefined;
  const next = calendar.period(period.index + 1);
  if (rollover === undefined || next === null || rollover.expiresAfterPeriods < 1) return null;
  const seconds = Math.min(rollover.capSeconds, unusedSeconds);
  if (seconds <= 0) return null;
  return {
    id: `rollover:${period.label}`,
    kind: 'rollover',
    usableFrom: next.start,
    expiresAt: calendar.endInSequence(period.index, rollover.expiresAfterPeriods),
    rank: ROLLOVER_RANK,
    fromPeriod: period.label,
    balance: seconds,
  };
}

function isUsableDuring(bucket: Bucket, period: Period): boolean {
  return bucket.usableFrom < period.end && !expiresBy(bucket, Math.max(period.start, bucket.usableFrom));
}

function expiresBy(bucket: Bucket, instant: Instant): boolean {
  return bucket.expiresAt !== null && bucket.expiresAt <= instant;
}

/**
 * Draws `seconds` of work started at `started` from the usable buckets in priority order,
 * lowering their balances; what no bucket could hold is overage.
 */
function drawOn(bucketsInPriority: readonly Bucket[], seconds: Seconds, started: Instant): readonly BucketDraw[] {
  let remaining = seconds;
  const draws: BucketDraw[] = [];
  for (const bucket of bucketsInPriority) {
    if (remaining === 0) break;
    if (bucket.balance === 0 || bucket.usableFrom > started || expiresBy(bucket, started)) continue;
    const drawn = Math.min(bucket.balance, remaining);
    bucket.balance -= drawn;
    remaining -= drawn;
    draws.push({ bucketId: bucket.id, seconds: drawn });
  }
  return draws;
}

function sumOfDraws(draws: readonly BucketDraw[]): Seconds {
  let sum = 0;
  for (const draw of draws) sum += draw.seconds;
  return sum;
}

function summarise(bucket: Bucket, openingSeconds: Seconds, period: Period): BucketSummary {
  const expiredSeconds = expiresBy(bucket, period.end) ? bucket.balance : 0;
  return {
    id: bucket.id,
    kind: bucket.kind,
    usableFrom: bucket.usableFrom,
    expiresAt: bucket.expiresAt,
    openingSeconds,
    usedSeconds: openingSeconds - bucket.balance,
    expiredSeconds,
    closingSeconds: bucket.balance - expiredSeconds,
  };
}
