import { assembleStatement } from './assemble-statement';
import { LedgerInputError } from './errors';
import { type CandidateTerms, candidatePlan, type PlanCandidate, type TopUpBlocks } from './candidate-terms';
import type { LedgerEntry } from './ledger-entry';
import { formatLocalDate, startOfLocalDate } from './local-date';
import { exactSum, toSafeAmount } from './money';
import { openingCheckpoint } from './opening-checkpoint';
import { createPeriodCalendar } from './period-calendar';
import { type PeriodReplay, replayPeriod } from './replay-periods';
import { type ScheduledBlock, scheduleBlocks } from './schedule-blocks';
import { termsInForce } from './terms-in-force';
import type { MinorUnits, Period, Plan, Seconds, Statement } from './types';
import { TZDate } from '@date-fns/tz';

export interface AdviceInput {
  readonly plan: Plan;
  /**
   * The plan's statements of consecutive periods, oldest first, as billed (a closed period's frozen statement): their
   * lines are the work every candidate is priced on, their charges what was paid.
   */
  readonly statements: readonly Statement[];
  readonly candidates: readonly PlanCandidate[];
}

/** One column of the advice: a statement per period and what they add up to. */
export interface AdviceColumn {
  /** One per period of the advice, oldest first. */
  readonly statements: readonly Statement[];
  /** Aligned with `statements`: the sum of each one's own charge lines (late adjustments of earlier periods left out). */
  readonly periodTotalsMinor: readonly MinorUnits[];
  readonly totalMinor: MinorUnits;
  readonly overageSeconds: Seconds;
  readonly periodsWithOverage: number;
}

export interface CandidateAdvice extends AdviceColumn {
  readonly name: string;
  /** The candidate's total less what was paid: negative when it would have cost less. */
  readonly differenceMinor: MinorUnits;
}

export interface PlanAdvice {
  readonly periods: readonly Period[];
  /** The plan's own statements. */
  readonly paid: AdviceColumn;
  /** In the order given. */
  readonly candidates: readonly CandidateAdvice[];
  /** Index of the candidate with the lowest total (the first of equals); null without candidates. */
  readonly cheapest: number | null;
}

/**
 * Plan-fit advice: the statements' work replayed by the ledger under each candidate's terms, as if the plan had taken
 * them from the first period on (rollover lots and blocks brought into that period stay usable, as under an
 * amendment), period after period, each period a ledger statement; compared with what the statements charged.
 *
 * @example
 * advisePlan({ plan, statements: lastTwelve, candidates: [{ name: '35 h a month', terms: { allowance } }] }).candidates[0]?.differenceMinor
 */
export function advisePlan(input: AdviceInput): PlanAdvice {
  const { plan, statements, candidates } = input;
  const periods = statements.map((statement) => statement.period);
  const paid = column(statements);
  const priced = candidates.map((candidate): CandidateAdvice => {
    const replayed = column(replayCandidate(plan, statements, candidate.terms));
    const differenceMinor = toSafeAmount(BigInt(replayed.totalMinor) - BigInt(paid.totalMinor), 'candidates', `${candidate.name} less what was paid`);
    return { name: candidate.name, ...replayed, differenceMinor };
  });
  let cheapest: number | null = null;
  priced.forEach((candidate, index) => {
    if (cheapest === null || candidate.totalMinor < (priced[cheapest]?.totalMinor ?? 0)) cheapest = index;
  });
  return { periods, paid, candidates: priced, cheapest };
}

function column(statements: readonly Statement[]): AdviceColumn {
  const periodTotalsMinor = statements.map((statement) =>
    toSafeAmount(exactSum(statement.charges.map((charge) => charge.amountMinor)), 'candidates', `the charges of ${statement.period.label}`),
  );
  return {
    statements,
    periodTotalsMinor,
    totalMinor: toSafeAmount(exactSum(periodTotalsMinor), 'candidates', 'the total over the periods'),
    overageSeconds: statements.reduce((sum, statement) => sum + statement.overageSeconds, 0),
    periodsWithOverage: statements.filter((statement) => statement.overageSeconds > 0).length,
  };
}

/** The ledger's entries of a statement's lines: the work as the statement counted it, in draw order. */
function entriesOf(statement: Statement): LedgerEntry[] {
  return statement.lines.map(({ coveredSeconds: _covered, overageSeconds: _overage, extraSeconds: _extra, nonBillableSeconds: _nonBillable, draws: _draws, ...entry }) => entry);
}

function replayCandidate(plan: Plan, statements: readonly Statement[], terms: CandidateTerms): Statement[] {
  const first = statements[0];
  const last = statements.at(-1);
  if (first === undefined || last === undefined) return [];
  const calendar = createPeriodCalendar(plan);
  const bought = scheduleBlocks(plan).filter(({ purchasedAt }) => purchasedAt >= first.period.start && purchasedAt < last.period.end);
  let blocks: ScheduledBlock[] = terms.blocks === undefined || terms.blocks === 'as-bought' ? bought : [];
  const topUp = typeof terms.blocks === 'object' ? terms.blocks : null;
  if (topUp !== null && !(Number.isSafeInteger(topUp.topUpSeconds) && topUp.topUpSeconds > 0)) {
    throw new LedgerInputError('candidates', `a top-up block must have a whole number of seconds above 0, not ${topUp.topUpSeconds}`);
  }
  let checkpoint = openingCheckpoint(first);
  return statements.map((statement) => {
    const inForce = termsInForce(plan, calendar, statement.period.index);
    const periodTerms = { version: inForce.version, plan: candidatePlan(inForce.plan, terms) };
    const entries = entriesOf(statement);
    let replay = replayPeriod(calendar, statement.period, periodTerms, entries, blocks, checkpoint);
    for (let bought = topUpsFor(replay, topUp, blocks.length, plan.timeZone); bought.length > 0; bought = topUpsFor(replay, topUp, blocks.length, plan.timeZone)) {
      blocks = [...blocks, ...bought].sort((a, b) => a.purchasedAt - b.purchasedAt);
      replay = replayPeriod(calendar, statement.period, periodTerms, entries, blocks, checkpoint);
    }
    checkpoint = replay.closing;
    return assembleStatement(replay, blocks, [], undefined);
  });
}

/**
 * The top-ups bought when the bank first runs empty in the replayed period: on the local day of the first worklog no
 * bucket could hold, as many blocks as its overage needs; none when no worklog has overage or the terms buy none.
 * A block bought that day is usable from its start and drawn after every bucket that expires, so the work before
 * that worklog draws as it did, and the next replay's first overage (if any) comes later.
 */
function topUpsFor(replay: PeriodReplay, topUp: TopUpBlocks | null, blocksSoFar: number, timeZone: string): ScheduledBlock[] {
  if (topUp === null) return [];
  const position = replay.overageSeconds.findIndex((seconds) => seconds > 0);
  const entry = replay.entries[position];
  const overage = replay.overageSeconds[position];
  if (entry === undefined || overage === undefined) return [];
  const purchasedOn = localDateOf(entry.started, timeZone);
  const purchasedAt = startOfLocalDate(purchasedOn, timeZone);
  return Array.from({ length: Math.ceil(overage / topUp.topUpSeconds) }, (_unused, offset) => ({
    block: { id: `top-up-${blocksSoFar + offset + 1}`, purchasedOn: formatLocalDate(purchasedOn), seconds: topUp.topUpSeconds, priceMinor: topUp.priceMinor },
    purchasedAt,
    expiresAt: null,
  }));
}

function localDateOf(instant: number, timeZone: string) {
  const date = new TZDate(instant, timeZone);
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

