import { breakdownBy, NO_AUTHOR_KEY } from './breakdown-by';
import { buildCharges } from './build-charges';
import { findThresholdCrossings } from './find-threshold-crossings';
import { forecastUse } from './forecast-use';
import { billedSecondsOf, type LedgerEntry } from './ledger-entry';
import { exactSum, toSafeAmount } from './money';
import { overageAtRuleRates } from './overage-at-rule-rates';
import type { PeriodReplay } from './replay-periods';
import type { ScheduledBlock } from './schedule-blocks';
import { sumLines } from './sum-lines';
import type { BucketDraw, Instant, OutOfPlanWorklog, Seconds, Statement, WorklogLine } from './types';

/**
 * Turns one replayed period into its statement, under the terms in force in it: worklog lines,
 * totals, bucket balances, charges, thresholds, the forecast (only with `asOf`) and the breakdowns.
 *
 * @example
 * assembleStatement(replays[3], scheduleBlocks(plan), prepared.outOfPlan, asOf)
 */
export function assembleStatement(
  replay: PeriodReplay,
  blocks: readonly ScheduledBlock[],
  outOfPlan: readonly OutOfPlanWorklog[],
  asOf: Instant | undefined,
): Statement {
  const { period, buckets, carriedIn } = replay;
  const { plan, version } = replay.terms;
  const lines = replay.entries.map((entry, index) =>
    toLine(entry, replay.draws[index] ?? [], replay.overageSeconds[index] ?? 0),
  );
  const totals = sumLines(lines);
  const availableSeconds = buckets.reduce((sum, bucket) => sum + bucket.openingSeconds, 0);
  const purchases = blocks.filter(({ purchasedAt }) => purchasedAt >= period.start && purchasedAt < period.end);
  const charges = buildCharges(plan, period, totals, purchases, overageAtRuleRates(lines, plan.multipliers));
  return {
    planId: plan.id,
    currency: plan.currency,
    timeZone: plan.timeZone,
    period,
    termsVersion: version,
    includedSeconds: plan.kind === 'buckets' ? (plan.allowance?.includedSeconds ?? 0) : 0,
    carriedIn,
    carriedInSeconds: carriedIn.reduce((sum, lot) => sum + lot.seconds, 0),
    purchasedSeconds: purchases.reduce((sum, { block }) => sum + block.seconds, 0),
    availableSeconds,
    usedCoveredSeconds: totals.coveredSeconds,
    remainingSeconds: buckets.reduce((sum, bucket) => sum + bucket.closingSeconds + bucket.expiredSeconds, 0),
    overageSeconds: totals.overageSeconds,
    extraSeconds: totals.extraSeconds,
    nonBillableSeconds: totals.nonBillableSeconds,
    buckets,
    charges,
    totalMinor: toSafeAmount(exactSum(charges.map((charge) => charge.amountMinor)), 'plan', `the total of ${period.label}`),
    closedVersion: null,
    lateAdjustments: [],
    adjustmentCharges: [],
    thresholdsCrossed: findThresholdCrossings(lines, plan.thresholdsPercent, availableSeconds),
    forecast: asOf === undefined ? null : forecastUse(period, lines, availableSeconds, asOf),
    byIssue: breakdownBy(lines, (line) => line.issueId),
    byAuthor: breakdownBy(lines, (line) => line.authorAccountId ?? NO_AUTHOR_KEY),
    lines,
    outOfPlan,
  };
}

function toLine(entry: LedgerEntry, draws: readonly BucketDraw[], overageSeconds: Seconds): WorklogLine {
  const { billingClass, roundedSeconds } = entry;
  const billedSeconds = billedSecondsOf(entry);
  return {
    worklogId: entry.worklogId,
    issueId: entry.issueId,
    issueKey: entry.issueKey,
    ...(entry.issueSummary === undefined ? {} : { issueSummary: entry.issueSummary }),
    authorAccountId: entry.authorAccountId,
    started: entry.started,
    billingClass,
    rawSeconds: entry.rawSeconds,
    roundedSeconds,
    coveredSeconds: billingClass === 'covered' ? billedSeconds : 0,
    overageSeconds,
    extraSeconds: billingClass === 'extra' ? billedSeconds : 0,
    nonBillableSeconds: billingClass === 'non-billable' ? roundedSeconds : 0,
    draws,
    ...(entry.segments === undefined ? {} : { chargedSeconds: billedSeconds, segments: entry.segments }),
  };
}
