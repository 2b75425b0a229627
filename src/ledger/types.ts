/**
 * The ledger's vocabulary. Every quantity of time is an integer number of seconds,
 * every amount of money an integer number of minor units of the plan's currency,
 * every calendar date a local date (`YYYY-MM-DD`) in the plan's IANA time zone, and
 * every instant an integer of epoch milliseconds.
 */

export type Seconds = number;
export type MinorUnits = number;
/** Epoch milliseconds. */
export type Instant = number;
/** A calendar date `YYYY-MM-DD`, read in the plan's time zone. */
export type LocalDate = string;

export type PeriodUnit = 'month' | 'quarter' | 'year';
export type BillingClass = 'covered' | 'extra' | 'non-billable';

export interface Rounding {
  /** Each billable worklog is rounded up to a multiple of this; 0 keeps it exact. */
  readonly incrementSeconds: Seconds;
  /** Each billable worklog of more than 0 seconds counts at least this much. */
  readonly minimumSeconds: Seconds;
}

export interface Rollover {
  /** At most this much of a period's unused allowance carries over. */
  readonly capSeconds: Seconds;
  /** A lot expires at the end of the K-th period after the one that made it (1 = the next period only). */
  readonly expiresAfterPeriods: number;
}

export interface Allowance {
  readonly includedSeconds: Seconds;
  /** Charged once per period, never prorated; 0 for none. */
  readonly fixedFeeMinor: MinorUnits;
  readonly rollover?: Rollover;
}

export interface PrepaidBlock {
  readonly id: string;
  readonly purchasedOn: LocalDate;
  readonly seconds: Seconds;
  /** Inclusive: usable to the end of this local date. Absent: never expires. */
  readonly expiresOn?: LocalDate;
  /** Charged in the period that contains `purchasedOn`; 0 for none. */
  readonly priceMinor: MinorUnits;
}

/** Atlassian account ids and Jira group names (plain arrays, as the plan payload's schema takes them). */
export interface AlertRecipients {
  readonly accountIds: string[];
  readonly groups: string[];
}

/** What a plan is, for its whole life: none of it can change from one term version to the next. */
interface PlanIdentity {
  readonly id: string;
  readonly name: string;
  /** ISO 4217 code; amounts are in its minor units. */
  readonly currency: string;
  /** IANA time zone in which periods, dates and purchase days are read. */
  readonly timeZone: string;
  readonly startDate: LocalDate;
  /** Inclusive last day; cuts the last period short. */
  readonly endDate?: LocalDate;
  /** Who is emailed (through Jira) when a threshold is crossed; absent: nobody, the alert only shows in the app. */
  readonly alertRecipients?: AlertRecipients;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** When a multiplier applies. Times are local wall-clock times `HH:mm` in the plan's time zone. */
export type MultiplierCondition =
  /**
   * On the given weekdays from `from` (inclusive) to `to` (exclusive); `to` ≤ `from` runs past midnight into the next
   * day (the weekday is the one the window starts on); `from` = `to` = '00:00' is the whole day.
   */
  | { readonly kind: 'time-window'; readonly days: readonly Weekday[]; readonly from: string; readonly to: string }
  /** The whole of each listed local date (public holidays). */
  | { readonly kind: 'holidays'; readonly dates: readonly LocalDate[] }
  /** The issue's priority (in the app: Jira priority id) was one of these when the work was done. */
  | { readonly kind: 'priority'; readonly values: readonly string[] }
  /** The issue's type (in the app: Jira issue type id). */
  | { readonly kind: 'issue-type'; readonly values: readonly string[] }
  /** The request type (JSM; in the app: request type id). */
  | { readonly kind: 'request-type'; readonly values: readonly string[] };

export interface MultiplierRule {
  /** Shown on statement lines, e.g. "After hours". Unique within a term version. */
  readonly name: string;
  readonly when: MultiplierCondition;
  /** The factor in exact thousandths: 1500 is ×1.5. At least 1000 (factors never reduce hours). */
  readonly factorPermille: number;
  /** Minor units per hour for the overage of work this rule prices; absent: the plan's overage rate. */
  readonly overageRateMinor?: MinorUnits;
}

/** The terms every kind of plan prices with; a version of them applies from a period boundary on. */
interface TermsCommon {
  /** A change of unit starts a new sequence of periods at the boundary the version applies from. */
  readonly period: PeriodUnit;
  readonly rounding: Rounding;
  /** Percentages of the period's available covered hours, e.g. [80, 100]. */
  readonly thresholdsPercent: readonly number[];
  /** Minor units per hour for `extra` work. */
  readonly extraRateMinor: MinorUnits;
  /** Rules that multiply the rounded seconds of billable work (see docs/ledger.md, Multipliers); absent or empty: none. */
  readonly multipliers?: readonly MultiplierRule[];
}

/** Every covered hour billed at `hourlyRateMinor`; no buckets. */
export interface PayAsYouGoTerms extends TermsCommon {
  readonly kind: 'pay-as-you-go';
  readonly hourlyRateMinor: MinorUnits;
}

/** Included hours per period and/or prepaid blocks; covered work beyond every usable bucket is overage. */
export interface BucketTerms extends TermsCommon {
  readonly kind: 'buckets';
  readonly allowance?: Allowance;
  /** The blocks bought while these terms are in force (from their first period to the next version's). */
  readonly blocks: readonly PrepaidBlock[];
  /** Minor units per hour of overage. */
  readonly overageRateMinor: MinorUnits;
}

export type PlanTerms = PayAsYouGoTerms | BucketTerms;

/** A later version of a plan's terms, in force from the start of the period labelled `from` (`YYYY-MM`). */
export type TermsAmendment<Terms extends PlanTerms = PlanTerms> = Terms & { readonly from: string };

/**
 * A pay-as-you-go plan. Its own terms are version 1, in force from its first period; each
 * amendment is the next version. The kind never changes.
 */
export interface PayAsYouGoPlan extends PlanIdentity, PayAsYouGoTerms {
  /** Later term versions, in the order of their `from` periods; absent or empty: one version. */
  readonly amendments?: readonly TermsAmendment<PayAsYouGoTerms>[];
}

/** A bucket plan; versions as for `PayAsYouGoPlan`. */
export interface BucketPlan extends PlanIdentity, BucketTerms {
  /** Later term versions, in the order of their `from` periods; absent or empty: one version. */
  readonly amendments?: readonly TermsAmendment<BucketTerms>[];
}

export type Plan = PayAsYouGoPlan | BucketPlan;

export interface IssueLink {
  readonly issueId: string;
  /** Shown on lines and breakdowns when known. */
  readonly issueKey?: string;
  /** The issue's summary, shown on statement exports when known. */
  readonly issueSummary?: string;
  readonly planId: string;
  readonly billingClass: BillingClass;
  /**
   * The issue's attributes over time, ascending by `since`; the ones in force at a worklog's `started` are the last
   * with since ≤ started, or the first when all are later. Absent or empty: no priority/type/request-type rule matches.
   */
  readonly attributes?: readonly TimedIssueAttributes[];
}

/** What the issue was at some instant; values are opaque strings compared exactly (Jira ids in the app). */
export interface IssueAttributes {
  readonly priority?: string;
  readonly issueType?: string;
  readonly requestType?: string;
}

export interface TimedIssueAttributes extends IssueAttributes {
  /** Epoch ms from which these values held. */
  readonly since: Instant;
}

/** A worklog exactly as Jira REST v3 returns it (the fields the ledger reads). */
export interface JiraWorklog {
  readonly id: string;
  readonly issueId: string;
  /** e.g. `2026-10-05T09:00:00.000+0200` */
  readonly started: string;
  readonly timeSpentSeconds: Seconds;
  readonly author?: { readonly accountId: string; readonly displayName?: string };
  /** Latest wins when the same id arrives more than once. */
  readonly updated?: string;
}

export interface Period {
  /** 0 for the period that starts on the plan's start date. */
  readonly index: number;
  /** `YYYY-MM` of the local month in which the period starts. */
  readonly label: string;
  readonly startDate: LocalDate;
  /** Local date of the first day after the period (exclusive end). */
  readonly endDateExclusive: LocalDate;
  readonly start: Instant;
  /** Exclusive. */
  readonly end: Instant;
}

export type BucketKind = 'rollover' | 'allowance' | 'block';

export interface BucketSummary {
  readonly id: string;
  readonly kind: BucketKind;
  readonly usableFrom: Instant;
  /** null: never expires. */
  readonly expiresAt: Instant | null;
  readonly openingSeconds: Seconds;
  readonly usedSeconds: Seconds;
  readonly expiredSeconds: Seconds;
  readonly closingSeconds: Seconds;
}

export interface CarriedInLot {
  readonly bucketId: string;
  /** Label of the period whose unused allowance made the lot. */
  readonly fromPeriod: string;
  readonly seconds: Seconds;
  readonly expiresAt: Instant;
}

export interface BucketDraw {
  readonly bucketId: string;
  readonly seconds: Seconds;
}

/** Which worklog a line or an adjustment is about. */
export interface WorklogFacts {
  readonly worklogId: string;
  readonly issueId: string;
  readonly issueKey?: string;
  /** The issue's summary from its link, when known. */
  readonly issueSummary?: string;
  readonly authorAccountId: string | null;
  readonly started: Instant;
  readonly billingClass: BillingClass;
}

/** A worklog's seconds and how they split between the billing outcomes. */
export interface BilledSeconds {
  readonly rawSeconds: Seconds;
  readonly roundedSeconds: Seconds;
  /** All rounded seconds of a covered worklog, the overage part included. */
  readonly coveredSeconds: Seconds;
  /** The part of the covered seconds that no bucket could hold. */
  readonly overageSeconds: Seconds;
  readonly extraSeconds: Seconds;
  readonly nonBillableSeconds: Seconds;
}

/**
 * A stretch of a worklog priced by one factor: the worklog split at the boundaries of its plan's time rules, with
 * neighbours of the same rule joined again.
 */
export interface ChargedSegment {
  /** The instant the segment starts: the worklog's `started` for the first. */
  readonly started: Instant;
  readonly rawSeconds: Seconds;
  /** Its raw seconds, plus the worklog's whole rounding difference on the last segment. */
  readonly roundedSeconds: Seconds;
  /** The name of the rule that won; absent where none matched (factor 1000). */
  readonly rule?: string;
  readonly factorPermille: number;
  /** roundedSeconds × factorPermille / 1000, rounded half up to a second. */
  readonly chargedSeconds: Seconds;
}

/** What multipliers made of a worklog: present on a line only where a factor other than ×1 or a rule's own overage rate applied. */
export interface ChargedWork {
  /** The sum of the segments' charged seconds: what the covered, overage and extra figures of the line split. */
  readonly chargedSeconds: Seconds;
  /** In time order. */
  readonly segments: readonly ChargedSegment[];
}

export interface WorklogLine extends WorklogFacts, BilledSeconds, Partial<ChargedWork> {
  /** Which buckets the covered part drew from, in draw order. */
  readonly draws: readonly BucketDraw[];
}

export type ChargeKind = 'overage' | 'extra' | 'pay-as-you-go' | 'fixed-fee' | 'block-purchase';

export interface ChargeLine {
  readonly kind: ChargeKind;
  readonly description: string;
  /** Seconds billed (time-based lines) or bought (block purchases); absent on the fixed fee. */
  readonly seconds?: Seconds;
  /** Minor units per hour (time-based lines only). */
  readonly rateMinor?: MinorUnits;
  readonly amountMinor: MinorUnits;
  /** On an overage line at a multiplier rule's own rate: the rules whose work it bills, in rule order. */
  readonly multiplierRules?: readonly string[];
}

export interface ThresholdCrossing {
  readonly percent: number;
  readonly worklogId: string;
  readonly at: Instant;
  readonly usedCoveredSeconds: Seconds;
}

export interface Forecast {
  readonly asOf: Instant;
  /** Covered seconds per day, averaged over the elapsed part of the period (rounded half up). */
  readonly averageDailyBurnSeconds: Seconds;
  readonly projectedUseSeconds: Seconds;
  /** When covered use is projected to reach the available hours; null when not within the period or nothing available. */
  readonly projectedRunOutAt: Instant | null;
}

export interface Breakdown extends BilledSeconds {
  readonly key: string;
  readonly worklogCount: number;
}

export interface OutOfPlanWorklog {
  readonly worklogId: string;
  readonly issueId: string;
  readonly started: Instant;
  readonly reason: 'before-plan-start' | 'after-plan-end';
}

/** What every statement computation reads. */
export interface LedgerInput {
  readonly plan: Plan;
  /** Links of any plans; only this plan's are read. */
  readonly links: readonly IssueLink[];
  /** Worklogs as Jira returns them, in any order, repeats allowed. */
  readonly worklogs: readonly JiraWorklog[];
  /** The instant the forecast is made at; no forecast without it. */
  readonly asOf?: Instant;
  /** The plan's closed periods, each with the frozen statement of its latest version; at most one per label. */
  readonly closedPeriods?: readonly ClosedPeriod[];
}

/** A closed period: its statement as frozen when it was (last) closed. */
export interface ClosedPeriod {
  readonly periodLabel: string;
  /** 1 for the first close, +1 for each close after a reopen. */
  readonly version: number;
  /** The statement as built when the period was closed; returned unchanged from then on. */
  readonly statement: Statement;
}

export type LateAdjustmentKind = 'added' | 'changed' | 'removed';

/**
 * One worklog's late change to a closed period, booked on the first open period after it:
 * every seconds figure is a delta (recomputed over the final worklogs − frozen − already booked), and
 * `started` is the worklog's as it now is (as it was, for a removed one).
 */
export interface LateAdjustment extends WorklogFacts, BilledSeconds {
  /** Label of the closed period the worklog belongs to. */
  readonly periodLabel: string;
  /** The version of that period's frozen statement the delta is measured against. */
  readonly closedVersion: number;
  readonly kind: LateAdjustmentKind;
}

/** The money of a closed period's late adjustments, one per closed period and charge kind, at that period's rates. */
export interface AdjustmentCharge {
  /** Label of the closed period the charge belongs to. */
  readonly periodLabel: string;
  readonly closedVersion: number;
  readonly kind: ChargeKind;
  readonly description: string;
  /** Delta of the seconds billed (time-based lines); may be negative. */
  readonly seconds?: Seconds;
  /** Minor units per hour (time-based lines only). */
  readonly rateMinor?: MinorUnits;
  /** Delta of the amount; may be negative. */
  readonly amountMinor: MinorUnits;
  /** On an overage line at a multiplier rule's own rate: the rules whose work it bills, in rule order. */
  readonly multiplierRules?: readonly string[];
}

export interface Statement {
  readonly planId: string;
  readonly currency: string;
  readonly timeZone: string;
  readonly period: Period;
  /**
   * The term version that priced the period: 1 for the plan's own terms, n + 1 for its n-th
   * amendment (whose `from` names the version's first period).
   */
  readonly termsVersion: number;
  /** The allowance per period (never prorated); 0 without one. */
  readonly includedSeconds: Seconds;
  /** Rollover lots usable in the period, with their opening seconds. */
  readonly carriedIn: readonly CarriedInLot[];
  readonly carriedInSeconds: Seconds;
  /** Hours of blocks purchased in the period. */
  readonly purchasedSeconds: Seconds;
  /** Sum of the buckets' opening seconds: allowance + lots + blocks usable in the period. */
  readonly availableSeconds: Seconds;
  /** All covered seconds of the period, overage included. */
  readonly usedCoveredSeconds: Seconds;
  /** Available seconds not used in the period: closing + expired over the buckets. */
  readonly remainingSeconds: Seconds;
  readonly overageSeconds: Seconds;
  readonly extraSeconds: Seconds;
  readonly nonBillableSeconds: Seconds;
  /** Buckets usable in the period with an opening balance above 0, in draw priority. */
  readonly buckets: readonly BucketSummary[];
  /** Fixed fee, pay-as-you-go, overage, extra, block purchases; only non-zero lines. */
  readonly charges: readonly ChargeLine[];
  /** Sum of the charge lines and the adjustment charges. */
  readonly totalMinor: MinorUnits;
  /** Null for an open period; the version of the close for a closed period's frozen statement. */
  readonly closedVersion: number | null;
  /** Late changes to closed periods booked on this statement, by period, then started, then worklog id. */
  readonly lateAdjustments: readonly LateAdjustment[];
  /** Their money, one line per closed period and charge kind, non-zero only. */
  readonly adjustmentCharges: readonly AdjustmentCharge[];
  readonly thresholdsCrossed: readonly ThresholdCrossing[];
  /** Null unless the statement was asked for `asOf` an instant. */
  readonly forecast: Forecast | null;
  /** Keyed by issue id, sorted by key. */
  readonly byIssue: readonly Breakdown[];
  /** Keyed by author account id (`unknown` without author), sorted by key. */
  readonly byAuthor: readonly Breakdown[];
  /** One per worklog of the period, ordered by started then worklog id. */
  readonly lines: readonly WorklogLine[];
  /** Linked worklogs before the plan's start or after its end: in no period. */
  readonly outOfPlan: readonly OutOfPlanWorklog[];
}

/** What an invoice shows of a statement: its figures, worklog lines and late adjustments, not its breakdowns. */
export type InvoicedStatement = Omit<Statement, 'byIssue' | 'byAuthor' | 'outOfPlan'>;
