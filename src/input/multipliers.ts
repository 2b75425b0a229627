import * as z from 'zod';
import type { MultiplierRule } from '../ledger/types';
import { identifierUpTo, localDateSchema, ratePerHourSchema, whenInputIs } from './fields';
import {
  MAX_FACTOR_PERMILLE,
  MAX_HOLIDAY_DATES,
  MAX_MULTIPLIER_RULES,
  MAX_MULTIPLIER_VALUES,
  MULTIPLIER_NAME_MAX_LENGTH,
  MULTIPLIER_VALUE_MAX_LENGTH,
} from './limits';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time of day HH:mm from 00:00 to 23:59' });

/** Each item equal to an earlier one, with the index of its first occurrence. */
function repeats(items: readonly string[]): { index: number; earlier: number }[] {
  const firstIndex = new Map<string, number>();
  return items.flatMap((item, index) => {
    const earlier = firstIndex.get(item);
    if (earlier === undefined) firstIndex.set(item, index);
    return earlier === undefined ? [] : [{ index, earlier }];
  });
}

function distinct(what: string) {
  return (items: readonly string[], context: z.core.$RefinementCtx<readonly string[]>) => {
    for (const { index, earlier } of repeats(items)) context.addIssue({ code: 'custom', path: [index], message: `repeats the ${what} at [${earlier}]` });
  };
}

const valuesSchema = (what: string) =>
  z
    .array(identifierUpTo(MULTIPLIER_VALUE_MAX_LENGTH))
    .min(1, { error: `must list at least one ${what}` })
    .max(MAX_MULTIPLIER_VALUES, { error: `must list at most ${MAX_MULTIPLIER_VALUES} values` })
    .superRefine(distinct(what))
    .readonly();

// zod types this map for union issues only, but a condition that is not an object arrives as `invalid_type`.
const conditionKindError = (issue: z.core.$ZodRawIssue) =>
  issue.code === 'invalid_union' ? 'must be "time-window", "holidays", "priority", "issue-type" or "request-type"' : undefined;

const conditionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('time-window'),
      days: z
        .array(z.enum(WEEKDAYS, { error: `must be one of ${WEEKDAYS.join(', ')}` }))
        .min(1, { error: 'must list at least one weekday' })
        .max(WEEKDAYS.length)
        .superRefine(distinct('weekday'))
        .readonly()
        .describe('The weekdays on which the window starts.'),
      from: clockTimeSchema.describe('Local time the window starts (inclusive).'),
      to: clockTimeSchema.describe('Local time the window ends (exclusive); at or before "from" it ends the next day; "00:00" to "00:00" is the whole day.'),
    }),
    z.strictObject({
      kind: z.literal('holidays'),
      dates: z
        .array(localDateSchema)
        .min(1, { error: 'must list at least one date' })
        .max(MAX_HOLIDAY_DATES, { error: `must list at most ${MAX_HOLIDAY_DATES} dates` })
        .superRefine(distinct('date'))
        .readonly()
        .describe('Local dates, each counted whole.'),
    }),
    z.strictObject({ kind: z.literal('priority'), values: valuesSchema('priority').describe('Priorities (Jira priority ids in the app).') }),
    z.strictObject({ kind: z.literal('issue-type'), values: valuesSchema('issue type').describe('Issue types (Jira issue type ids in the app).') }),
    z.strictObject({ kind: z.literal('request-type'), values: valuesSchema('request type').describe('Request types (JSM request type ids in the app).') }),
  ],
  { error: conditionKindError },
);

const ruleSchema = z.strictObject({
  name: identifierUpTo(MULTIPLIER_NAME_MAX_LENGTH).describe('Shown on statement lines, e.g. "After hours"; unique within the terms.'),
  when: conditionSchema,
  factorPermille: z
    .int({ error: whenInputIs('number', 'must be a whole number of thousandths (1500 is ×1.5)') })
    .min(1000, { error: 'must be at least 1000 (×1): a factor never reduces hours' })
    .max(MAX_FACTOR_PERMILLE, { error: `must be at most ${MAX_FACTOR_PERMILLE} (×${MAX_FACTOR_PERMILLE / 1000})` })
    .describe('The factor in exact thousandths: 1500 is ×1.5, 2000 is ×2.'),
  overageRateMinor: ratePerHourSchema.optional().describe('Minor units per hour for the overage of work this rule prices (bucket plans); absent: the plan\'s overage rate.'),
});

/** A term version's multiplier rules, each name used once. */
export const multipliersSchema = z
  .array(ruleSchema)
  .max(MAX_MULTIPLIER_RULES, { error: `must have at most ${MAX_MULTIPLIER_RULES} rules` })
  .superRefine((rules, context) => {
    for (const { index, earlier } of repeats(rules.map((rule) => rule.name))) {
      context.addIssue({ code: 'custom', path: [index, 'name'], message: `repeats the name of rule [${earlier}]` });
    }
  })
  .readonly()
  .describe('Rules that multiply the rounded hours of billable work; when several match, the highest factor wins, then the first listed.') satisfies z.ZodType<readonly MultiplierRule[]>;
