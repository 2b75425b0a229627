import { currencyDigits, hoursInputText, minorFromAmount, secondsFromHours } from '@quantities/index';
import type { PayloadOf, StoredPlan } from '@contract/index';
import { decimalText } from '@ledger/decimal-text';
import { ruleDraftOf, ruleInputOf, type RuleDraft } from './multiplier-draft';

type Plan = StoredPlan['plan'];
type PlanInput = PayloadOf<'plans/create'>['plan'];

export interface BlockDraft {
  readonly id: string;
  readonly purchasedOn: string;
  readonly hours: string;
  readonly expiresOn: string;
  readonly price: string;
}

/** The plan form's fields as typed: hours and money in people's units, empty text for "none". */
export interface PlanDraft {
  readonly kind: Plan['kind'];
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly timeZone: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly period: Plan['period'];
  readonly roundingIncrementMinutes: string;
  readonly roundingMinimumMinutes: string;
  readonly thresholds: string;
  /** Comma-separated Atlassian account ids and group names emailed when a threshold is crossed. */
  readonly alertAccountIds: string;
  readonly alertGroups: string;
  readonly extraRate: string;
  readonly hourlyRate: string;
  readonly overageRate: string;
  readonly includedHours: string;
  readonly fixedFee: string;
  readonly rolloverCapHours: string;
  readonly rolloverExpiresAfterPeriods: string;
  readonly blocks: readonly BlockDraft[];
  /** The multiplier rules of the terms being edited. */
  readonly multipliers: readonly RuleDraft[];
}

export function emptyDraft(today: string, timeZone: string): PlanDraft {
  return {
    kind: 'buckets',
    id: '',
    name: '',
    currency: 'EUR',
    timeZone,
    startDate: `${today.slice(0, 7)}-01`,
    endDate: '',
    period: 'month',
    roundingIncrementMinutes: '15',
    roundingMinimumMinutes: '15',
    thresholds: '80, 100',
    alertAccountIds: '',
    alertGroups: '',
    extraRate: '0',
    hourlyRate: '0',
    overageRate: '0',
    includedHours: '40',
    fixedFee: '0',
    rolloverCapHours: '',
    rolloverExpiresAfterPeriods: '1',
    blocks: [],
    multipliers: [],
  };
}

export function draftOf(plan: Plan): PlanDraft {
  const digits = currencyDigits(plan.currency);
  const money = (minor: number) => decimalText(minor, digits);
  const bucket = plan.kind === 'buckets' ? plan : null;
  return {
    kind: plan.kind,
    id: plan.id,
    name: plan.name,
    currency: plan.currency,
    timeZone: plan.timeZone,
    startDate: plan.startDate,
    endDate: plan.endDate ?? '',
    period: plan.period,
    roundingIncrementMinutes: String(plan.rounding.incrementSeconds / 60),
    roundingMinimumMinutes: String(plan.rounding.minimumSeconds / 60),
    thresholds: plan.thresholdsPercent.join(', '),
    alertAccountIds: plan.alertRecipients?.accountIds.join(', ') ?? '',
    alertGroups: plan.alertRecipients?.groups.join(', ') ?? '',
    extraRate: money(plan.extraRateMinor),
    hourlyRate: plan.kind === 'pay-as-you-go' ? money(plan.hourlyRateMinor) : '0',
    overageRate: bucket === null ? '0' : money(bucket.overageRateMinor),
    includedHours: bucket?.allowance === undefined ? '' : hoursInputText(bucket.allowance.includedSeconds),
    fixedFee: bucket?.allowance === undefined ? '0' : money(bucket.allowance.fixedFeeMinor),
    rolloverCapHours: bucket?.allowance?.rollover === undefined ? '' : hoursInputText(bucket.allowance.rollover.capSeconds),
    rolloverExpiresAfterPeriods: String(bucket?.allowance?.rollover?.expiresAfterPeriods ?? 1),
    blocks: (bucket?.blocks ?? []).map((block) => ({
      id: block.id,
      purchasedOn: block.purchasedOn,
      hours: hoursInputText(block.seconds),
      expiresOn: block.expiresOn ?? '',
      price: money(block.priceMinor),
    })),
    multipliers: (plan.multipliers ?? []).map((rule) => ruleDraftOf(rule, digits)),
  };
}

export type FieldErrors = Readonly<Record<string, string>>;

/**
 * The plan input the resolver expects, and the fields whose text could not be read as a
 * number (keyed by the input's path, e.g. `plan.allowance.includedSeconds`).
 */
export function planInputOf(draft: PlanDraft): { plan: PlanInput; unreadable: FieldErrors } {
  const unreadable: Record<string, string> = {};
  const digits = currencyDigits(draft.currency);
  // An unreadable number becomes NaN, which the schema refuses too; the message here is the clearer one.
  const read = (path: string, value: number | null, message: string): number => {
    if (value !== null) return value;
    unreadable[`plan.${path}`] = message;
    return Number.NaN;
  };
  const hours = (path: string, text: string) => read(path, secondsFromHours(text), 'must be a number of hours, e.g. 7.5');
  const money = (path: string, text: string) =>
    read(path, minorFromAmount(text, digits), `must be an amount with at most ${digits} decimals, e.g. ${decimalText(12_345, digits)}`);
  const minutes = (path: string, text: string) => read(path, /^\d+$/.test(text.trim()) ? Number(text) * 60 : null, 'must be a whole number of minutes');
  const whole = (path: string, text: string) => read(path, /^\d+$/.test(text.trim()) ? Number(text) : null, 'must be a whole number');

  const common = {
    id: draft.id,
    name: draft.name,
    currency: draft.currency,
    timeZone: draft.timeZone,
    startDate: draft.startDate,
    ...(draft.endDate === '' ? {} : { endDate: draft.endDate }),
    period: draft.period,
    rounding: {
      incrementSeconds: minutes('rounding.incrementSeconds', draft.roundingIncrementMinutes),
      minimumSeconds: minutes('rounding.minimumSeconds', draft.roundingMinimumMinutes),
    },
    thresholdsPercent: draft.thresholds
      .split(',')
      .map((text) => text.trim())
      .filter((text) => text !== '')
      .map((text, index) => whole(`thresholdsPercent[${index}]`, text)),
    ...alertRecipientsOf(draft),
    extraRateMinor: money('extraRateMinor', draft.extraRate),
    // No rules leave the field out, so terms without multipliers stay as they were.
    ...(draft.multipliers.length === 0 ? {} : { multipliers: draft.multipliers.map((rule, index) => ruleInputOf(rule, index, digits, read)) }),
  };
  if (draft.kind === 'pay-as-you-go') {
    return { plan: { ...common, kind: 'pay-as-you-go', hourlyRateMinor: money('hourlyRateMinor', draft.hourlyRate) }, unreadable };
  }
  const rollover =
    draft.rolloverCapHours === ''
      ? {}
      : {
          rollover: {
            capSeconds: hours('allowance.rollover.capSeconds', draft.rolloverCapHours),
            expiresAfterPeriods: whole('allowance.rollover.expiresAfterPeriods', draft.rolloverExpiresAfterPeriods),
          },
        };
  const allowance =
    draft.includedHours === ''
      ? {}
      : { allowance: { includedSeconds: hours('allowance.includedSeconds', draft.includedHours), fixedFeeMinor: money('allowance.fixedFeeMinor', draft.fixedFee), ...rollover } };
  return {
    plan: {
      ...common,
      kind: 'buckets',
      ...allowance,
      blocks: draft.blocks.map((block, index) => ({
        id: block.id,
        purchasedOn: block.purchasedOn,
        seconds: hours(`blocks[${index}].seconds`, block.hours),
        ...(block.expiresOn === '' ? {} : { expiresOn: block.expiresOn }),
        priceMinor: money(`blocks[${index}].priceMinor`, block.price),
      })),
      overageRateMinor: money('overageRateMinor', draft.overageRate),
    },
    unreadable,
  };
}

/** The alert recipients typed as comma-separated lists; none at all leaves the field out. */
function alertRecipientsOf(draft: PlanDraft): { alertRecipients?: { accountIds: string[]; groups: string[] } } {
  const list = (text: string) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const accountIds = list(draft.alertAccountIds);
  const groups = list(draft.alertGroups);
  return accountIds.length + groups.length === 0 ? {} : { alertRecipients: { accountIds, groups } };
}
