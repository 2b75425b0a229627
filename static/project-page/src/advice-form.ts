import { MIN_TOP_UP_SECONDS, type PayloadOf } from '@contract/index';
import { amountDecimal, currencyDigits, hoursInputText, minorFromAmount, secondsFromHours } from '@quantities/index';

type Candidate = PayloadOf<'usage/advice'>['candidates'][number];

/** One candidate as the Advice form edits it: text as typed. */
export interface CandidateRow {
  readonly name: string;
  /** Blank: no allowance. */
  readonly includedHours: string;
  readonly fixedFee: string;
  readonly rollover: boolean;
  /** Blank: the blocks the plan bought; otherwise a block of this size bought whenever the bank runs empty. */
  readonly blockHours: string;
  readonly blockPrice: string;
}

export type RowErrors = Partial<Record<keyof CandidateRow, string>>;

export interface PlanTermsForForm {
  readonly currency: string;
  readonly kind: 'pay-as-you-go' | 'buckets';
  /** Minor units per hour of overage (buckets) or of covered work (pay-as-you-go). */
  readonly coveredRateMinor: number;
  readonly allowance?: { readonly includedSeconds: number; readonly fixedFeeMinor: number; readonly rollover?: { readonly capSeconds: number; readonly expiresAfterPeriods: number } | undefined } | undefined;
}

const HOUR = 3600;

/** The rows the form opens with: the plan's allowance ten hours smaller and larger at its fee, and blocks of 20 h at its hourly price. */
export function initialRows(plan: PlanTermsForForm): CandidateRow[] {
  const included = plan.kind === 'buckets' ? (plan.allowance?.includedSeconds ?? 0) : 0;
  const fee = plan.kind === 'buckets' ? (plan.allowance?.fixedFeeMinor ?? 0) : 0;
  const rollover = plan.kind === 'buckets' && plan.allowance?.rollover !== undefined;
  const money = (minor: number) => amountDecimal(minor, plan.currency);
  const allowanceRow = (seconds: number): CandidateRow => ({
    name: `${hoursInputText(seconds)} h a period`,
    includedHours: hoursInputText(seconds),
    fixedFee: money(fee),
    rollover,
    blockHours: '',
    blockPrice: '',
  });
  const rows = [allowanceRow(Math.max(HOUR, included - 10 * HOUR)), allowanceRow(included + 10 * HOUR)];
  return [...rows, { name: 'Blocks of 20 h', includedHours: '', fixedFee: '', rollover: false, blockHours: '20', blockPrice: money(20 * plan.coveredRateMinor) }];
}

export const emptyRow = (count: number): CandidateRow => ({ name: `Candidate ${count + 1}`, includedHours: '', fixedFee: '', rollover: false, blockHours: '', blockPrice: '' });

/**
 * The candidates the rows describe, or each row's errors: names unique and not blank, hours and money as the plan's
 * currency writes them. Every candidate is of bucket terms (a pay-as-you-go plan's hourly rate becomes their overage rate).
 */
export function candidatesOf(rows: readonly CandidateRow[], currency: string): { readonly candidates: Candidate[] } | { readonly errors: RowErrors[] } {
  const digits = currencyDigits(currency);
  const names = new Set<string>();
  const errors: RowErrors[] = [];
  const candidates = rows.map((row, index): Candidate => {
    const rowErrors: RowErrors = {};
    const name = row.name.trim();
    if (name === '') rowErrors.name = 'Give the candidate a name.';
    else if (names.has(name)) rowErrors.name = 'Another candidate has this name.';
    names.add(name);
    const included = row.includedHours.trim() === '' ? null : secondsFromHours(row.includedHours);
    if (included === null && row.includedHours.trim() !== '') rowErrors.includedHours = 'Hours, e.g. 35 or 37.5.';
    const fee = row.fixedFee.trim() === '' ? 0 : minorFromAmount(row.fixedFee, digits);
    if (fee === null) rowErrors.fixedFee = `An amount in ${currency}, e.g. 3500.00.`;
    const blockSeconds = row.blockHours.trim() === '' ? null : secondsFromHours(row.blockHours);
    if (row.blockHours.trim() !== '' && (blockSeconds === null || blockSeconds < MIN_TOP_UP_SECONDS)) rowErrors.blockHours = `At least ${MIN_TOP_UP_SECONDS / HOUR} hour.`;
    const blockPrice = row.blockPrice.trim() === '' ? 0 : minorFromAmount(row.blockPrice, digits);
    if (blockPrice === null) rowErrors.blockPrice = `An amount in ${currency}, e.g. 1700.00.`;
    errors[index] = rowErrors;
    const allowance =
      included === null ? null : { includedSeconds: included, fixedFeeMinor: fee ?? 0, ...(row.rollover ? { rollover: { capSeconds: included, expiresAfterPeriods: 1 } } : {}) };
    return {
      name,
      terms: { kind: 'buckets', allowance, ...(blockSeconds === null ? {} : { blocks: { topUpSeconds: blockSeconds, priceMinor: blockPrice ?? 0 } }) },
    };
  });
  return errors.some((rowErrors) => Object.keys(rowErrors).length > 0) ? { errors } : { candidates };
}
