import { compareWorklogIds } from './compare-worklog-ids';
import { exactSum, exactTimeCharge, toSafeAmount } from './money';
import type {
  AdjustmentCharge,
  ChargeKind,
  ChargeLine,
  ClosedPeriod,
  LateAdjustment,
  MinorUnits,
  Plan,
  Seconds,
  Statement,
  WorklogLine,
} from './types';

const FIGURES = ['rawSeconds', 'roundedSeconds', 'coveredSeconds', 'overageSeconds', 'extraSeconds', 'nonBillableSeconds'] as const;
type Figure = (typeof FIGURES)[number];
type Figures = Record<Figure, Seconds>;
type Identity = Pick<LateAdjustment, 'worklogId' | 'issueId' | 'issueKey' | 'issueSummary' | 'authorAccountId' | 'started' | 'billingClass'>;

/** The charge kinds whose amount follows the hours worked; the fixed fee and block purchases never change late. */
type TimeKind = Extract<ChargeKind, 'pay-as-you-go' | 'overage' | 'extra'>;

const KIND_NAMES: Record<TimeKind, string> = { 'pay-as-you-go': 'Covered work', overage: 'Overage', extra: 'Extra work' };

export interface PeriodAdjustments {
  readonly adjustments: readonly LateAdjustment[];
  readonly charges: readonly AdjustmentCharge[];
}

/** A worklog's state as far as the customer was billed: the frozen line plus every delta already booked. */
interface Booked {
  identity: Identity;
  present: boolean;
  figures: Figures;
}

function mapFigures(value: (figure: Figure) => Seconds): Figures {
  return {
    rawSeconds: value('rawSeconds'),
    roundedSeconds: value('roundedSeconds'),
    coveredSeconds: value('coveredSeconds'),
    overageSeconds: value('overageSeconds'),
    extraSeconds: value('extraSeconds'),
    nonBillableSeconds: value('nonBillableSeconds'),
  };
}

const zeroFigures = (): Figures => mapFigures(() => 0);

function identityOf(line: Identity): Identity {
  const { worklogId, issueId, issueKey, issueSummary, authorAccountId, started, billingClass } = line;
  return {
    worklogId,
    issueId,
    ...(issueKey === undefined ? {} : { issueKey }),
    ...(issueSummary === undefined ? {} : { issueSummary }),
    authorAccountId,
    started,
    billingClass,
  };
}

function figuresOf(line: Figures): Figures {
  return mapFigures((figure) => line[figure]);
}

/**
 * Adjustments of `closed` booked on the frozen statements of later closed periods, whatever the
 * version they were measured against: they were billed, so a new version settles against them too.
 */
function bookedOn(closed: ClosedPeriod, laterClosed: readonly Statement[]): { adjustments: LateAdjustment[]; charges: AdjustmentCharge[] } {
  const mine = (item: { readonly periodLabel: string }) => item.periodLabel === closed.periodLabel;
  return {
    adjustments: laterClosed.flatMap((statement) => statement.lateAdjustments.filter(mine)),
    charges: laterClosed.flatMap((statement) => statement.adjustmentCharges.filter(mine)),
  };
}

function bookedWorklogs(frozenLines: readonly WorklogLine[], adjustments: readonly LateAdjustment[]): Map<string, Booked> {
  const booked = new Map<string, Booked>();
  for (const line of frozenLines) booked.set(line.worklogId, { identity: identityOf(line), present: true, figures: figuresOf(line) });
  for (const adjustment of adjustments) {
    const entry = booked.get(adjustment.worklogId) ?? { identity: identityOf(adjustment), present: false, figures: zeroFigures() };
    entry.identity = identityOf(adjustment);
    entry.present = adjustment.kind !== 'removed';
    for (const figure of FIGURES) entry.figures[figure] += adjustment[figure];
    booked.set(adjustment.worklogId, entry);
  }
  return booked;
}

function lineAdjustments(closed: ClosedPeriod, recomputed: Statement, booked: ReadonlyMap<string, Booked>): LateAdjustment[] {
  const current = new Map(recomputed.lines.map((line) => [line.worklogId, line]));
  const ids = new Set([...current.keys(), ...booked.keys()]);
  const adjustments: LateAdjustment[] = [];
  for (const worklogId of ids) {
    const now = current.get(worklogId);
    const before = booked.get(worklogId);
    const nowFigures = now === undefined ? zeroFigures() : figuresOf(now);
    const beforeFigures = before?.figures ?? zeroFigures();
    const delta = mapFigures((figure) => nowFigures[figure] - beforeFigures[figure]);
    const wasPresent = before?.present ?? false;
    const changed = FIGURES.some((figure) => delta[figure] !== 0);
    if (!changed && (now !== undefined) === wasPresent) continue;
    const identity = now === undefined ? before?.identity : identityOf(now);
    if (identity === undefined) continue;
    const kind = now === undefined ? 'removed' : wasPresent ? 'changed' : 'added';
    adjustments.push({ periodLabel: closed.periodLabel, closedVersion: closed.version, kind, ...identity, ...delta });
  }
  return adjustments.sort((a, b) => a.started - b.started || compareWorklogIds(a.worklogId, b.worklogId));
}

function billedSeconds(statement: Statement, kind: TimeKind): Seconds {
  if (kind === 'pay-as-you-go') return statement.usedCoveredSeconds;
  return kind === 'overage' ? statement.overageSeconds : statement.extraSeconds;
}

function planRate(plan: Plan, kind: TimeKind): MinorUnits {
  if (kind === 'extra') return plan.extraRateMinor;
  if (kind === 'pay-as-you-go') return plan.kind === 'pay-as-you-go' ? plan.hourlyRateMinor : 0;
  return plan.kind === 'buckets' ? plan.overageRateMinor : 0;
}

/** A charge line as billed: on the statement, or as an adjustment booked for the period. */
type Billed = Pick<ChargeLine, 'kind' | 'seconds' | 'rateMinor' | 'amountMinor' | 'multiplierRules'>;

const secondsOf = (charges: readonly Billed[]) => charges.reduce((sum, charge) => sum + (charge.seconds ?? 0), 0);

/** One group of time-based charges settled on its own: the plan's rate of a kind, or one multiplier rule rate of overage. */
interface ChargeGroup {
  readonly kind: TimeKind;
  readonly recomputedSeconds: Seconds;
  readonly frozen: readonly Billed[];
  readonly booked: readonly Billed[];
  /** The rate when the period billed none of the group yet. */
  readonly fallbackRateMinor: MinorUnits;
  readonly multiplierRules?: readonly string[];
}

/** The plan's rate of each kind, and for overage each rule rate the period bills or billed. */
function chargeGroups(plan: Plan, frozen: Statement, recomputed: Statement, bookedCharges: readonly AdjustmentCharge[]): ChargeGroup[] {
  const kinds: readonly TimeKind[] = plan.kind === 'pay-as-you-go' ? ['pay-as-you-go', 'extra'] : ['overage', 'extra'];
  const atPlanRate = (charge: Billed, kind: TimeKind) => charge.kind === kind && charge.multiplierRules === undefined;
  const atRuleRate = (charge: Billed, rateMinor?: MinorUnits) =>
    charge.kind === 'overage' && charge.multiplierRules !== undefined && (rateMinor === undefined || charge.rateMinor === rateMinor);
  const groups = kinds.map((kind): ChargeGroup => ({
    kind,
    recomputedSeconds: billedSeconds(recomputed, kind) - secondsOf(recomputed.charges.filter((charge) => kind === 'overage' && atRuleRate(charge))),
    frozen: frozen.charges.filter((charge) => atPlanRate(charge, kind)),
    booked: bookedCharges.filter((charge) => atPlanRate(charge, kind)),
    fallbackRateMinor: planRate(plan, kind),
  }));
  const ruleLines = [...recomputed.charges, ...frozen.charges, ...bookedCharges].filter((charge) => atRuleRate(charge));
  const rates = [...new Set(ruleLines.map((charge) => charge.rateMinor ?? 0))];
  return [
    ...groups,
    ...rates.map((rateMinor): ChargeGroup => ({
      kind: 'overage',
      recomputedSeconds: secondsOf(recomputed.charges.filter((charge) => atRuleRate(charge, rateMinor))),
      frozen: frozen.charges.filter((charge) => atRuleRate(charge, rateMinor)),
      booked: bookedCharges.filter((charge) => atRuleRate(charge, rateMinor)),
      fallbackRateMinor: rateMinor,
      multiplierRules: ruleLines.find((charge) => charge.rateMinor === rateMinor)?.multiplierRules ?? [],
    })),
  ];
}

function chargeAdjustments(
  plan: Plan,
  closed: ClosedPeriod,
  recomputed: Statement,
  bookedCharges: readonly AdjustmentCharge[],
): AdjustmentCharge[] {
  return chargeGroups(plan, closed.statement, recomputed, bookedCharges).flatMap((group): AdjustmentCharge[] => {
    const { kind, frozen, booked, multiplierRules } = group;
    // The period's rate as it was billed; the group's own rate when the period billed none of it.
    const rateMinor = frozen[0]?.rateMinor ?? booked[0]?.rateMinor ?? group.fallbackRateMinor;
    const seconds = group.recomputedSeconds - secondsOf(frozen) - secondsOf(booked);
    const alreadyBilled = exactSum([...frozen, ...booked].map((charge) => charge.amountMinor));
    const amountMinor = toSafeAmount(
      exactTimeCharge(group.recomputedSeconds, rateMinor) - alreadyBilled,
      `closedPeriods[${closed.periodLabel}]`,
      `the late adjustment of ${kind} charges to ${closed.periodLabel}`,
    );
    if (seconds === 0 && amountMinor === 0) return [];
    const name = multiplierRules === undefined ? KIND_NAMES[kind] : `${KIND_NAMES[kind]} (${multiplierRules.join(', ')})`;
    const description = `${name}, late adjustments to ${closed.periodLabel}`;
    return [
      {
        periodLabel: closed.periodLabel,
        closedVersion: closed.version,
        kind,
        description,
        seconds,
        rateMinor,
        amountMinor,
        ...(multiplierRules === undefined ? {} : { multiplierRules }),
      },
    ];
  });
}

/**
 * What a closed period still owes the customer, booked on the first open period after it:
 * its statement recomputed over the final worklogs, less its frozen statement, less what the
 * frozen statements of later closed periods already booked for it. Line by
 * line (added, changed, removed worklogs, seconds as deltas) and as charge deltas per kind at
 * the period's rates, so the adjustments of all periods sum exactly to recomputed − frozen.
 *
 * @param recomputed the closed period's statement over the final worklogs
 * @param laterClosed the frozen statements of every closed period after it, oldest first
 * @example
 * // one late hour of overage at 100.00/h in 2026-10
 * adjustClosedPeriod(plan, closedOctober, buildStatement({ plan, links, worklogs, period: '2026-10' }), []).charges
 * // [{ periodLabel: '2026-10', closedVersion: 1, kind: 'overage', seconds: 3600, rateMinor: 10000, amountMinor: 10000, … }]
 */
export function adjustClosedPeriod(
  plan: Plan,
  closed: ClosedPeriod,
  recomputed: Statement,
  laterClosed: readonly Statement[],
): PeriodAdjustments {
  const booked = bookedOn(closed, laterClosed);
  return {
    adjustments: lineAdjustments(closed, recomputed, bookedWorklogs(closed.statement.lines, booked.adjustments)),
    charges: chargeAdjustments(plan, closed, recomputed, booked.charges),
  };
}
