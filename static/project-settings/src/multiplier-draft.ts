import { factorDecimal, minorFromAmount, permilleFromFactor } from '@quantities/index';
import type { StoredPlan } from '@contract/index';
import { decimalText } from '@ledger/decimal-text';
import type { Weekday } from '@ledger/types';

type Rule = NonNullable<StoredPlan['plan']['multipliers']>[number];

/** What a rule applies to, as the form offers it: weekends are a time window over Saturday and Sunday, whole days. */
export type RuleKind = 'time-window' | 'weekends' | 'holidays' | 'priority' | 'issue-type' | 'request-type';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEKEND: readonly Weekday[] = ['sat', 'sun'];

/** One multiplier rule's fields as typed. */
export interface RuleDraft {
  readonly name: string;
  readonly kind: RuleKind;
  readonly days: readonly Weekday[];
  readonly from: string;
  readonly to: string;
  /** Comma-separated dates YYYY-MM-DD. */
  readonly dates: string;
  /** Jira ids of the priorities, issue types or request types. */
  readonly values: readonly string[];
  /** A decimal such as 1.5. */
  readonly factor: string;
  /** Empty: the plan's overage rate. */
  readonly overageRate: string;
}

export const NEW_RULE: RuleDraft = { name: 'After hours', kind: 'time-window', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '18:00', to: '08:00', dates: '', values: [], factor: '1.5', overageRate: '' };

const isWeekend = (rule: Rule): boolean =>
  rule.when.kind === 'time-window' && rule.when.from === '00:00' && rule.when.to === '00:00' && [...rule.when.days].sort().join() === [...WEEKEND].sort().join();

export function ruleDraftOf(rule: Rule, currencyDigits: number): RuleDraft {
  const { when } = rule;
  return {
    ...NEW_RULE,
    name: rule.name,
    kind: isWeekend(rule) ? 'weekends' : when.kind,
    days: when.kind === 'time-window' ? when.days : NEW_RULE.days,
    from: when.kind === 'time-window' ? when.from : NEW_RULE.from,
    to: when.kind === 'time-window' ? when.to : NEW_RULE.to,
    dates: when.kind === 'holidays' ? when.dates.join(', ') : '',
    values: when.kind === 'priority' || when.kind === 'issue-type' || when.kind === 'request-type' ? when.values : [],
    factor: factorDecimal(rule.factorPermille),
    overageRate: rule.overageRateMinor === undefined ? '' : decimalText(rule.overageRateMinor, currencyDigits),
  };
}

/** The rule as the resolver takes it; `read` records text that is not a number under the rule's field path. */
export function ruleInputOf(draft: RuleDraft, index: number, currencyDigits: number, read: (path: string, value: number | null, message: string) => number): Rule {
  const path = `multipliers[${index}]`;
  const factorPermille = read(`${path}.factorPermille`, permilleFromFactor(draft.factor), 'must be a factor such as 1.5 or 2, with at most 3 decimals');
  const overage =
    draft.overageRate.trim() === ''
      ? {}
      : { overageRateMinor: read(`${path}.overageRateMinor`, minorFromAmount(draft.overageRate, currencyDigits), `must be an amount with at most ${currencyDigits} decimals`) };
  return { name: draft.name, when: conditionOf(draft), factorPermille, ...overage };
}

function conditionOf(draft: RuleDraft): Rule['when'] {
  switch (draft.kind) {
    case 'weekends':
      return { kind: 'time-window', days: WEEKEND, from: '00:00', to: '00:00' };
    case 'time-window':
      return { kind: 'time-window', days: WEEKDAYS.filter((day) => draft.days.includes(day)), from: draft.from, to: draft.to };
    case 'holidays':
      return {
        kind: 'holidays',
        dates: draft.dates
          .split(',')
          .map((date) => date.trim())
          .filter((date) => date !== ''),
      };
    default:
      return { kind: draft.kind, values: draft.values };
  }
}
