import { type Breakdown, type Plan, type Statement, billedSecondsOf, blocksBroughtIn, termVersions } from '../ledger';
import { formatFactor, hoursDecimal } from '../quantities';
import { amountForPeople, localDate, localDateTime } from './quantities';
import type { StatementView } from './statement-view';

type Row = readonly [label: string, value: string, note?: string];

function table(rows: readonly Row[]): string[] {
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  return rows.map(([label, value, note]) =>
    `  ${label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}${note === undefined ? '' : `  ${note}`}`.trimEnd(),
  );
}

const hours = (seconds: number) => `${hoursDecimal(seconds)} h`;
const worklogCount = (count: number) => `${count} ${count === 1 ? 'worklog' : 'worklogs'}`;

/** Every part of the available hours gets a row above it: included, each rollover lot, each earlier block's rest, purchased. */
function hoursSection(statement: Statement): string[] {
  const zone = statement.timeZone;
  return [
    'Hours',
    ...table([
      ['included', hours(statement.includedSeconds)],
      ...statement.carriedIn.map((lot): Row => [
        'carried in',
        hours(lot.seconds),
        `from ${lot.fromPeriod}, expires ${localDateTime(lot.expiresAt, zone)}`,
      ]),
      ...blocksBroughtIn(statement).map((block): Row => [
        'brought in',
        hours(block.openingSeconds),
        `${block.id} from ${localDate(block.usableFrom, zone)}, ` +
          (block.expiresAt === null ? 'never expires' : `expires ${localDateTime(block.expiresAt, zone)}`),
      ]),
      ['purchased', hours(statement.purchasedSeconds)],
      ['available', hours(statement.availableSeconds)],
      ['used (covered)', hours(statement.usedCoveredSeconds)],
      ['remaining', hours(statement.remainingSeconds)],
      ['overage', hours(statement.overageSeconds)],
      ['extra', hours(statement.extraSeconds)],
      ['non-billable', hours(statement.nonBillableSeconds)],
    ]),
  ];
}

function chargesSection({ charges, adjustmentCharges, currency, totalMinor }: Statement): string[] {
  return [
    'Charges',
    ...table([
      ...[...charges, ...adjustmentCharges].map((charge): Row => {
        const timeNote =
          charge.seconds === undefined
            ? undefined
            : `${hours(charge.seconds)}${charge.rateMinor === undefined ? '' : ` at ${amountForPeople(charge.rateMinor, currency)}/h`}`;
        return [charge.description, amountForPeople(charge.amountMinor, currency), timeNote];
      }),
      ['Total due', amountForPeople(totalMinor, currency)],
    ]),
  ];
}

function lateAdjustmentsSection({ lateAdjustments, timeZone }: Statement, authorNames: ReadonlyMap<string, string>): string[] {
  if (lateAdjustments.length === 0) return [];
  const signed = (seconds: number) => `${seconds > 0 ? '+' : ''}${hours(seconds)}`;
  return [
    'Late adjustments to closed periods',
    ...table(
      lateAdjustments.map((adjustment): Row => {
        const author = adjustment.authorAccountId === null ? 'unknown' : (authorNames.get(adjustment.authorAccountId) ?? adjustment.authorAccountId);
        return [
          `${adjustment.periodLabel} v${adjustment.closedVersion} ${adjustment.kind} worklog ${adjustment.worklogId}`,
          signed(adjustment.roundedSeconds),
          `${adjustment.issueKey ?? adjustment.issueId}, ${author}, ${localDateTime(adjustment.started, timeZone)}, ${adjustment.billingClass}` +
            `; covered ${signed(adjustment.coveredSeconds)}, overage ${signed(adjustment.overageSeconds)}, extra ${signed(adjustment.extraSeconds)}`,
        ];
      }),
    ),
  ];
}

/** Each worklog a multiplier priced: logged, rounded and charged hours, and each segment with its factor and rule. */
function multipliedSection({ lines, timeZone }: Statement): string[] {
  const multiplied = lines.filter((line) => line.segments !== undefined);
  if (multiplied.length === 0) return [];
  return [
    'Multiplied work (logged → rounded → charged)',
    ...table(
      multiplied.map((line): Row => {
        const segments = (line.segments ?? []).map(
          (segment) => `${hours(segment.roundedSeconds)} ${segment.rule === undefined ? '' : `${segment.rule} `}${formatFactor(segment.factorPermille)}`,
        );
        return [
          `worklog ${line.worklogId} ${line.issueKey ?? line.issueId} ${localDateTime(line.started, timeZone)}`,
          hours(billedSecondsOf(line)),
          `${hours(line.rawSeconds)} → ${hours(line.roundedSeconds)}: ${segments.join(' + ')}`,
        ];
      }),
    ),
  ];
}

function alertsSection({ thresholdsCrossed, timeZone }: Statement): string[] {
  if (thresholdsCrossed.length === 0) return [];
  return [
    'Thresholds crossed',
    ...thresholdsCrossed.map(
      (crossing) =>
        `  ${crossing.percent}% at ${localDateTime(crossing.at, timeZone)} by worklog ${crossing.worklogId} (${hours(crossing.usedCoveredSeconds)} used)`,
    ),
  ];
}

function forecastSection({ forecast, timeZone }: Statement): string[] {
  if (forecast === null) return [];
  const runOut = forecast.projectedRunOutAt === null ? 'not within the period' : localDateTime(forecast.projectedRunOutAt, timeZone);
  return [
    `Forecast as of ${localDateTime(forecast.asOf, timeZone)}`,
    ...table([
      ['average daily burn', hours(forecast.averageDailyBurnSeconds)],
      ['projected use', hours(forecast.projectedUseSeconds)],
      ['projected run-out', runOut],
    ]),
  ];
}

function breakdownSection(title: string, breakdowns: readonly Breakdown[], nameOf: (key: string) => string): string[] {
  if (breakdowns.length === 0) return [];
  return [
    title,
    ...table(
      breakdowns.map((breakdown): Row => [
        nameOf(breakdown.key),
        hours(breakdown.roundedSeconds),
        `${worklogCount(breakdown.worklogCount)}; covered ${hoursDecimal(breakdown.coveredSeconds)}, overage ${hoursDecimal(breakdown.overageSeconds)}, ` +
          `extra ${hoursDecimal(breakdown.extraSeconds)}, non-billable ${hoursDecimal(breakdown.nonBillableSeconds)}`,
      ]),
    ),
  ];
}

/** Which terms priced the period; said only for a plan with more than one version. */
function termsLine(plan: Plan, { termsVersion }: Statement): string[] {
  const versions = termVersions(plan);
  const from = versions.find((version) => version.version === termsVersion)?.from;
  return versions.length === 1 || from === undefined ? [] : [`  terms version ${termsVersion} of ${versions.length}, in force from ${from}`];
}

/** A summary for people: the period's hours, charges, alerts, forecast and who worked on what. */
export function formatStatementText({ statement, plan, authorNames }: StatementView): string {
  const { period, timeZone } = statement;
  const issueKeys = new Map(statement.lines.map((line) => [line.issueId, line.issueKey ?? line.issueId]));
  const sections = [
    [
      `${plan.name} (${plan.id}): statement for ${period.label}${statement.closedVersion === null ? '' : ` (closed, version ${statement.closedVersion})`}`,
      `  ${localDateTime(period.start, timeZone)} to ${localDateTime(period.end, timeZone)} (${timeZone}), ${worklogCount(statement.lines.length)}`,
      ...termsLine(plan, statement),
    ],
    hoursSection(statement),
    lateAdjustmentsSection(statement, authorNames),
    chargesSection(statement),
    multipliedSection(statement),
    alertsSection(statement),
    forecastSection(statement),
    breakdownSection('By issue', statement.byIssue, (issueId) => issueKeys.get(issueId) ?? issueId),
    breakdownSection('By author', statement.byAuthor, (accountId) => authorNames.get(accountId) ?? accountId),
    statement.outOfPlan.length === 0 ? [] : [`Outside the plan's dates: ${worklogCount(statement.outOfPlan.length)} of linked issues`],
  ];
  return `${sections
    .filter((section) => section.length > 0)
    .map((section) => section.join('\n'))
    .join('\n\n')}\n`;
}
