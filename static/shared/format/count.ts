/** The app's words are English, so English plural rules apply whatever the user's locale. */
const englishPlurals = new Intl.PluralRules('en-US');

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
 */
export function countOf(count: number, forms: PluralForms): string {
  return `${count} ${englishPlurals.select(count) === 'one' ? forms.one : forms.other}`;
}

export const ISSUES: PluralForms = { one: 'issue', other: 'issues' };
