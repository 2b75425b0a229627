import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import * as z from 'zod';
import {
  EARLIEST_PLAN_YEAR,
  IDENTIFIER_MAX_LENGTH,
  LATEST_PLAN_YEAR,
  MAX_AMOUNT_MINOR,
  MAX_RATE_MINOR_PER_HOUR,
  TIME_ZONE_MAX_LENGTH,
} from './limits';

/**
 * Field schemas shared by the plan, links and worklogs formats. Each one carries a
 * message that says what is expected, so a rejected field explains itself.
 */

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

/**
 * Names already in Intl's spelling, found so far. Every plan read is validated, and building an
 * `Intl.DateTimeFormat` to ask costs far more than the rest of a plan's checks; only canonical
 * names are kept, so the set stays within the few hundred zones there are, whatever callers send.
 */
const canonicalTimeZones = new Set<string>();

/** The IANA name as Intl spells it (`europe/berlin` → `Europe/Berlin`), or null for no known time zone. */
function canonicalTimeZone(name: string): string | null {
  if (canonicalTimeZones.has(name)) return name;
  try {
    const canonical = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    if (canonical === name) canonicalTimeZones.add(name);
    return canonical;
  } catch {
    return null;
  }
}

/**
 * A message for a value of the right JSON type that is still wrong; missing or mistyped values
 * fall through to the shared wording ("is required", "must be a string, not number 5").
 */
export function whenInputIs(type: 'string' | 'number', message: string) {
  return (issue: { readonly input?: unknown }) => (typeof issue.input === type ? message : undefined);
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not), in the years a plan may span. */
export const localDateSchema = z.iso
  .date({ error: whenInputIs('string', 'must be a real calendar date written YYYY-MM-DD'), abort: true })
  .refine((date) => Number(date.slice(0, 4)) >= EARLIEST_PLAN_YEAR && Number(date.slice(0, 4)) <= LATEST_PLAN_YEAR, {
    error: `must be between ${EARLIEST_PLAN_YEAR}-01-01 and ${LATEST_PLAN_YEAR}-12-31`,
  });

/** A known IANA time zone, kept in its canonical spelling so that one zone is always written one way. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(TIME_ZONE_MAX_LENGTH, { error: `must be at most ${TIME_ZONE_MAX_LENGTH} characters`, abort: true })
  .transform((name, context) => {
    const canonical = canonicalTimeZone(name);
    if (canonical !== null) return canonical;
    context.addIssue({ code: 'custom', input: name, message: `${JSON.stringify(name)} is not a known IANA time zone` });
    return z.NEVER;
  });

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

/** Time: integer seconds, never negative. */
export const secondsSchema = nonNegativeInteger('seconds');

/** Money: integer minor units of the plan's currency (cents for EUR), never negative. */
export const minorUnitsSchema = nonNegativeInteger('minor units').max(MAX_AMOUNT_MINOR, {
  error: `must be at most ${MAX_AMOUNT_MINOR} minor units`,
});

/** Seconds of at most `maxSeconds`, named in hours too, e.g. "must be at most 360000000 seconds (100000 h)". */
export function secondsUpTo(maxSeconds: number) {
  return secondsSchema.max(maxSeconds, { error: `must be at most ${maxSeconds} seconds (${maxSeconds / 3600} h)` });
}

/** A price per hour in minor units, never negative. */
export const ratePerHourSchema = nonNegativeInteger('minor units').max(MAX_RATE_MINOR_PER_HOUR, {
  error: `must be at most ${MAX_RATE_MINOR_PER_HOUR} minor units per hour`,
});

/** Text of at most `maxLength` characters that is not empty and neither starts nor ends with a space. */
export function identifierUpTo(maxLength: number) {
  return z
    .string()
    .max(maxLength, { error: `must be at most ${maxLength} characters`, abort: true })
    .regex(/^\S(?:.*\S)?$/s, { error: 'must not be empty, nor start or end with a space' });
}

/** An id, key or name of a links or worklogs file. */
export const identifierSchema = identifierUpTo(IDENTIFIER_MAX_LENGTH);

const jiraTimestampShape = /^[1-9]\d{3}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?(Z|[+-](0\d|1[0-8]):?[0-5]\d)$/;

/** An instant as Jira writes it, e.g. `2026-10-05T09:00:00.000+0200` (also `+02:00` or `Z`). */
export const jiraTimestampSchema = z
  .string()
  .regex(jiraTimestampShape, { error: 'must be a timestamp like 2026-10-05T09:00:00.000+0200', abort: true })
  .refine((text) => isValid(parseISO(text)), { error: 'is not a real date and time' });
