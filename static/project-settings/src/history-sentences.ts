import type { AuditEntry, PlanChange } from '@contract/index';
import { formatHours, formatMoney } from '@quantities/index';
import { countOf } from '../../shared/format/count';
import { formatDate } from '../../shared/format/dates';

type JsonValue = Exclude<PlanChange['after'], undefined>;

/** What a sentence needs besides the change: the plan's currency, the reader's locale and people's names. */
export interface SentenceContext {
  readonly currency: string;
  readonly locale: string;
  readonly nameOf: (accountId: string) => string;
}

type Describe = (value: JsonValue, context: SentenceContext) => string;

interface Field {
  /** The field in words, after "the": "overage rate". */
  readonly label: string;
  readonly describe: Describe;
}

const isNumber = (value: JsonValue): value is number => typeof value === 'number';
const isArray = (value: JsonValue): value is JsonValue[] => Array.isArray(value);
const text: Describe = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
const money: Describe = (value, context) => (isNumber(value) ? formatMoney(value, context.currency, context.locale) : text(value, context));
const moneyAnHour: Describe = (value, context) => `${money(value, context)} an hour`;
const hours: Describe = (value, context) => (isNumber(value) ? formatHours(value, context.locale) : text(value, context));
const minutes: Describe = (value, context) =>
  isNumber(value) ? (value === 0 ? 'none' : `${new Intl.NumberFormat(context.locale).format(value / 60)} min`) : text(value, context);
const localDate: Describe = (value, context) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? formatDate(Date.parse(`${value}T00:00:00Z`), 'UTC', context.locale)
    : text(value, context);
const periods: Describe = (value, context) => (isNumber(value) ? countOf(value, { one: 'period', other: 'periods' }) : text(value, context));
const percents: Describe = (value, context) => (isArray(value) ? listOf(value.map((item) => `${text(item, context)} %`)) : text(value, context));
const people: Describe = (value, context) => (isArray(value) ? listOf(value.map((item) => (typeof item === 'string' ? context.nameOf(item) : text(item, context)))) : text(value, context));
const groups: Describe = (value, context) => (isArray(value) ? listOf(value.map((item) => text(item, context))) : text(value, context));
const kind: Describe = (value, context) => (value === 'pay-as-you-go' ? 'pay-as-you-go' : value === 'buckets' ? 'included hours and prepaid blocks' : text(value, context));

const listOf = (items: readonly string[]): string => (items.length === 0 ? 'none' : new Intl.ListFormat('en', { type: 'conjunction' }).format(items));

const objectOf = (value: JsonValue): Record<string, JsonValue> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {});

const blocks: Describe = (value, context) => {
  if (!isArray(value)) return text(value, context);
  return listOf(
    value.map((item) => {
      const block = objectOf(item);
      const expires = block.expiresOn === undefined ? '' : `, expiring ${localDate(block.expiresOn, context)}`;
      return `${hours(block.seconds ?? 0, context)} bought ${localDate(block.purchasedOn ?? '', context)} for ${money(block.priceMinor ?? 0, context)}${expires}`;
    }),
  );
};

const RECIPIENTS_PATH = 'alertRecipients.accountIds';
const CUSTOMERS_PATH = 'customerAccess.accountIds';
/** The account lists a change may name, whose ids read as people's names. */
const PEOPLE_PATHS: ReadonlySet<string> = new Set([RECIPIENTS_PATH, CUSTOMERS_PATH]);

const AUDIENCE_WORDS: Readonly<Record<string, string>> = { nobody: 'nobody', organizations: "the plan's organisations", 'named-customers': 'named customers' };
const audience: Describe = (value, context) => (typeof value === 'string' ? (AUDIENCE_WORDS[value] ?? value) : text(value, context));
const yesNo: Describe = (value, context) => (typeof value === 'boolean' ? (value ? 'yes' : 'no') : text(value, context));

const HARD_STOP_WORDS: Readonly<Record<string, string>> = { off: 'nothing', warn: 'warn in the issue panel', stop: 'stop guarded transitions' };
const hardStopMode: Describe = (value, context) => (typeof value === 'string' ? (HARD_STOP_WORDS[value] ?? value) : text(value, context));
const UNKNOWN_WORDS: Readonly<Record<string, string>> = { allow: 'let it through', refuse: 'refuse it' };
const hardStopUnknown: Describe = (value, context) => (typeof value === 'string' ? (UNKNOWN_WORDS[value] ?? value) : text(value, context));

/** Every field of a plan (and of its parts) a change can name, by its path in the plan. */
const FIELDS: Readonly<Record<string, Field>> = {
  id: { label: 'plan id', describe: text },
  name: { label: 'name', describe: text },
  currency: { label: 'currency', describe: text },
  timeZone: { label: 'time zone', describe: text },
  startDate: { label: 'start date', describe: localDate },
  endDate: { label: 'end date', describe: localDate },
  kind: { label: 'kind', describe: kind },
  period: { label: 'billing period', describe: text },
  'rounding.incrementSeconds': { label: 'rounding increment', describe: minutes },
  'rounding.minimumSeconds': { label: 'minimum per worklog', describe: minutes },
  thresholdsPercent: { label: 'alert thresholds', describe: percents },
  extraRateMinor: { label: 'extra-work rate', describe: moneyAnHour },
  hourlyRateMinor: { label: 'hourly rate', describe: moneyAnHour },
  overageRateMinor: { label: 'overage rate', describe: moneyAnHour },
  'allowance.includedSeconds': { label: 'included hours', describe: hours },
  'allowance.fixedFeeMinor': { label: 'fixed fee', describe: money },
  'allowance.rollover.capSeconds': { label: 'rollover cap', describe: hours },
  'allowance.rollover.expiresAfterPeriods': { label: 'rollover lifetime', describe: periods },
  blocks: { label: 'prepaid blocks', describe: blocks },
  [RECIPIENTS_PATH]: { label: 'alert recipients', describe: people },
  'alertRecipients.groups': { label: 'alert groups', describe: groups },
  'customerAccess.audience': { label: 'customers who see the plan in the portal', describe: audience },
  [CUSTOMERS_PATH]: { label: 'customers named to see the plan', describe: people },
  'customerAccess.showAmounts': { label: 'amounts shown to customers', describe: yesNo },
  'customerAccess.showAgentNames': { label: "agents' names shown to customers", describe: yesNo },
  organizationIds: { label: 'organisations (JSM ids)', describe: groups },
  'hardStop.mode': { label: 'response when the hours run out', describe: hardStopMode },
  'hardStop.whenUnknown': { label: "validator's answer when it cannot tell", describe: hardStopUnknown },
  amendments: { label: 'later term versions', describe: (value, context) => (isArray(value) ? `${value.length}` : text(value, context)) },
};

/** A field the catalogue does not name yet still reads as words, never as a JSON path. */
function fieldOf(path: string): Field {
  return FIELDS[path] ?? { label: path.replace(/\./g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), describe: text };
}

/** A value in words, field by field: a whole allowance added reads as its included hours, fee and rollover. */
function described(path: string, value: JsonValue, context: SentenceContext): { label: string; words: string }[] {
  if (FIELDS[path] !== undefined || typeof value !== 'object' || value === null || Array.isArray(value)) {
    const field = fieldOf(path);
    return [{ label: field.label, words: field.describe(value, context) }];
  }
  return Object.entries(value).flatMap(([key, inner]) => described(path === '' ? key : `${path}.${key}`, inner, context));
}

/**
 * One change in words, without its author: "changed the overage rate from €90.00 an hour to €95.50 an hour",
 * "set the end date to 31 Dec 2026", "removed the rollover cap (was 40 h)".
 */
export function changeClauses(change: PlanChange, context: SentenceContext): string[] {
  const { before, after } = change;
  if (before !== undefined && after !== undefined) {
    const field = fieldOf(change.path);
    return [`changed the ${field.label} from ${field.describe(before, context)} to ${field.describe(after, context)}`];
  }
  if (after !== undefined) return described(change.path, after, context).map(({ label, words }) => `set the ${label} to ${words}`);
  if (before !== undefined) return described(change.path, before, context).map(({ label, words }) => `removed the ${label} (was ${words})`);
  return [];
}

/**
 * An entry of the plan's history as sentences, e.g. "Ada Admin changed the overage rate from €90.00 an hour to
 * €95.50 an hour, effective 2026-10." A new plan reads as what it was created with, a field a line.
 */
export function entrySentences(entry: AuditEntry, context: SentenceContext): string[] {
  const actor = context.nameOf(entry.by);
  const effective = entry.effectiveFrom === undefined ? '' : `, effective ${entry.effectiveFrom}`;
  switch (entry.action) {
    case 'created':
      return [
        `${actor} created the plan.`,
        ...entry.changes.flatMap((change) => (change.after === undefined ? [] : described(change.path, change.after, context))).map(({ label, words }) => `${capitalised(label)}: ${words}.`),
      ];
    case 'archived':
      return [`${actor} archived the plan.`];
    case 'deleted':
      return [`${actor} deleted the plan.`];
    case 'updated':
      return entry.changes.flatMap((change) => changeClauses(change, context)).map((clause) => `${actor} ${clause}${effective}.`);
  }
}

/** Every account an entry names: its author, and the alert recipients and customers it sets or removes, so all can be named. */
export function accountsNamedBy(entry: AuditEntry): string[] {
  const inValue = (path: string, value: JsonValue | undefined): string[] => {
    if (value === undefined) return [];
    if (PEOPLE_PATHS.has(path)) return isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
    return Object.entries(objectOf(value)).flatMap(([key, inner]) => inValue(path === '' ? key : `${path}.${key}`, inner));
  };
  return [entry.by, ...entry.changes.flatMap((change) => [...inValue(change.path, change.before), ...inValue(change.path, change.after)])];
}

const capitalised = (sentence: string): string => sentence.charAt(0).toUpperCase() + sentence.slice(1);
