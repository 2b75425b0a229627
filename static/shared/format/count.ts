/** The app's words are English, so English plural rules and digit grouping apply whatever the user's locale. */
const englishPlurals = new Intl.PluralRules('en-US');
const englishCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A whole number as an English sentence writes it: `formatCount(12000)` is "12,000". */
export function formatCount(count: number): string {
  return englishCount.format(count);
}

export interface PluralForms {
  readonly one: string;
  readonly other: string;
}

/**
 * A count with the words that agree with it.
 *
 * @example
 * countOf(1, { one: 'issue', other: 'issues' }) // '1 issue'
 * countOf(0, { one: 'issue matches', other: 'issues match' }) // '0 issues match'
 * countOf(1200, { one: 'row', other: 'rows' }) // '1,200 rows'
 */
export function countOf(count: number, forms: PluralForms): string {
  return `${formatCount(count)} ${englishPlurals.select(count) === 'one' ? forms.one : forms.other}`;
}

export const ISSUES: PluralForms = { one: 'issue', other: 'issues' };
