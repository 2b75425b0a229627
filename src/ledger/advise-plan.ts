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
import { localDateOf } from './wall-clock';

export interface AdviceInput {
  readonly plan: Plan;
  /**
   * The plan's statements of consecutive periods, oldest first, as billed (a closed period's frozen statement): their
   * lines are the work every candidate is priced on, their charges what was paid.
   */
  readonly statements: readonly Statement[];
  readonly candidates: readonly PlanCandidate[];
}

/** What a column of the advice adds up to over its periods. */
export interface ColumnTotals {
  readonly totalMinor: MinorUnits;
  readonly overageSeconds: Seconds;
  readonly periodsWithOverage: number;
}

/** One column of the advice: a statement per period and what they add up to. */
export interface AdviceColumn extends ColumnTotals {
  /** One per period of the advice, oldest first. */
  readonly statements: readonly Statement[];
  /** Aligned with `statements`: the sum of each one's own charge lines (late adjustments of earlier periods left out). */
  readonly periodTotalsMinor: readonly MinorUnits[];
}

/** What a candidate's column adds to a column. */
export interface CandidateOutcome {
  readonly name: string;
  /** The candidate's total less what was paid: negative when it would have cost less. */
  readonly differenceMinor: MinorUnits;
}

/** What was paid and each candidate, a column each over the same periods: with statements (`PlanAdvice`) or figures only (`AdviceFigures`). */
export interface Advice<PeriodOf, Column> {
  readonly periods: readonly PeriodOf[];
  /** The plan's own statements. */
  readonly paid: Column;
  /** In the order given. */
  readonly candidates: readonly (Column & CandidateOutcome)[];
  /** Index of the candidate with the lowest total (the first of equals); null without candidates. */
  readonly cheapest: number | null;
}

export type CandidateAdvice = AdviceColumn & CandidateOutcome;
export type PlanAdvice = Advice<Period, AdviceColumn>;

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
    const bought = topUpsFor(replay, topUp, blocks.length, plan.timeZone);
    if (bought.length > 0) {
      blocks = [...blocks, ...bought].sort((a, b) => a.purchasedAt - b.purchasedAt);
      replay = replayPeriod(calendar, statement.period, periodTerms, entries, blocks, checkpoint);
    }
    checkpoint = replay.closing;
    return assembleStatement(replay, blocks, [], undefined);
  });
}

/**
 * The top-ups the replayed period buys: each time a worklog finds the bank empty (its overage more than what earlier
 * top-ups of the period have left), as many blocks as it needs, bought on its local day; none when the terms buy
 * none. A top-up never expires and is bought after every other bucket of the period became usable, so it is drawn
 * after all of them: the other buckets' draws do not change, and the period replayed with these blocks has no
 * overage.
 */
function topUpsFor(replay: PeriodReplay, topUp: TopUpBlocks | null, blocksSoFar: number, timeZone: string): ScheduledBlock[] {
  if (topUp === null) return [];
  const bought: ScheduledBlock[] = [];
  let left = 0;
  replay.entries.forEach((entry, position) => {
    const overage = replay.overageSeconds[position] ?? 0;
    if (overage <= left) {
      left -= overage;
      return;
    }
    const count = Math.ceil((overage - left) / topUp.topUpSeconds);
    left += count * topUp.topUpSeconds - overage;
    const purchasedOn = localDateOf(entry.started, timeZone);
    const purchasedAt = startOfLocalDate(purchasedOn, timeZone);
    for (let offset = 0; offset < count; offset += 1) {
      const id = `top-up-${blocksSoFar + bought.length + 1}`;
      bought.push({ block: { id, purchasedOn: formatLocalDate(purchasedOn), seconds: topUp.topUpSeconds, priceMinor: topUp.priceMinor }, purchasedAt, expiresAt: null });
    }
  });
  return bought;
}
