import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';

/**
 * Field schemas shared by the plan, links and worklogs formats. Each one carries a
 * message that says what is expected, so a rejected field explains itself.
 */

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

function isIanaTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * A message for a value of the right JSON type that is still wrong; missing or mistyped values
 * fall through to the shared wording ("is required", "must be a string, not number 5").
 */
export function whenInputIs(type: 'string' | 'number', message: string) {
  return (issue: { readonly input?: unknown }) => (typeof issue.input === type ? message : undefined);
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const localDateSchema = z.iso.date({ error: whenInputIs('string', 'must be a real calendar date written YYYY-MM-DD') });

export const timeZoneSchema = z
  .string()
  .min(1)
  .refine(isIanaTimeZone, { error: (issue) => `${JSON.stringify(issue.input)} is not a known IANA time zone` });

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code of three capital letters, e.g. "EUR"', abort: true })
  .refine((code) => knownCurrencies.has(code), {
    error: (issue) => `${JSON.stringify(issue.input)} is not a known ISO 4217 currency`,
  });

function nonNegativeInteger(unit: string) {
  return z
    .int({ error: whenInputIs('number', `must be a whole number of ${unit} (a safe integer)`), abort: true })
    .min(0, { error: `must not be negative (${unit})` });
}

/**
 * Upper bounds on money, far above any real plan (10^11 EUR, 10^8 EUR an hour) and far below 2^53, the limit
 * of exact amounts: at the highest rate a period needs about 900,000 hours of work before a charge stops
 * being exact, so a mistyped price or rate is refused here rather than breaking a statement.
 */
const MAX_AMOUNT_MINOR = 10_000_000_000_000;
const MAX_RATE_MINOR = 10_000_000_000;

/** Time: integer seconds, never negative. */
export const secondsSchema = nonNegativeInteger('seconds');

/** Money: integer minor units of the plan's currency (cents for EUR), never negative. */
export const minorUnitsSchema = nonNegativeInteger('minor units').max(MAX_AMOUNT_MINOR, {
  error: `must be at most ${MAX_AMOUNT_MINOR} minor units`,
});

/** A price per hour in minor units, never negative. */
export const ratePerHourSchema = nonNegativeInteger('minor units').max(MAX_RATE_MINOR, {
  error: `must be at most ${MAX_RATE_MINOR} minor units per hour`,
});

export const identifierSchema = z
  .string()
  .regex(/^\S(?:.*\S)?$/s, { error: 'must not be empty, nor start or end with a space' });

const jiraTimestampShape = /^[1-9]\d{3}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?(Z|[+-](0\d|1[0-8]):?[0-5]\d)$/;

/** An instant as Jira writes it, e.g. `2026-10-05T09:00:00.000+0200` (also `+02:00` or `Z`). */
export const jiraTimestampSchema = z
  .string()
  .regex(jiraTimestampShape, { error: 'must be a timestamp like 2026-10-05T09:00:00.000+0200', abort: true })
  .refine((text) => isValid(parseISO(text)), { error: 'is not a real date and time' });
