/**
 * Every limit on what a plan file, a resolver payload or the settings form may hold, defined once: the input
 * formats (src/input), the resolver contract (src/contract) and the settings form (static/project-settings) all
 * read them from here. docs/limits.md gives the reason for each. Browser-safe: constants only.
 */

const HOUR = 3600;

// ─── Money ──────────────────────────────────────────────────────────────────────────────────────────────────
//
// A period's total is at most (billable hours × the highest rate) + fixed fee + what the blocks bought in it
// cost. With 200,000 billable hours in one period (twice the largest allowance, 23 people working round the
// clock for a year), 10^10 × 200,000 + 10^13 + 200 × 10^13 = 4.01 × 10^15 < 2^53 − 1 ≈ 9.007 × 10^15:
// every charge and total of such a period is an exact integer, with room for late adjustments beside it.

/** Highest price per hour, in minor units: 100,000,000.00 an hour in a currency with cents. */
export const MAX_RATE_MINOR_PER_HOUR = 10_000_000_000;
/** Highest fixed fee or block price, in minor units: 100,000,000,000.00 in a currency with cents. */
export const MAX_AMOUNT_MINOR = 10_000_000_000_000;
/** The billable hours of one period up to which every charge is exact at the highest rate (see above). */
export const EXACT_BILLABLE_HOURS_PER_PERIOD = 200_000;

// ─── Time ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Included hours per period, rollover cap, a block's hours: at most 100,000 h, in seconds. */
export const MAX_PERIOD_SECONDS = 100_000 * HOUR;
/** Rounding increment and minimum per worklog: at most a day. */
export const MAX_ROUNDING_SECONDS = 24 * HOUR;
/** Rolled-over hours expire after at most this many periods (10 years of months). */
export const MAX_ROLLOVER_PERIODS = 120;
/** Plan dates (start, end, a block's purchase and expiry) lie in these years. */
export const EARLIEST_PLAN_YEAR = 2000;
export const LATEST_PLAN_YEAR = 2099;

// ─── A plan's lists and texts ───────────────────────────────────────────────────────────────────────────────

/** A plan id is a JQL value (`supportPlan = "acme-gold"`). */
export const PLAN_ID_MAX_LENGTH = 64;
export const PLAN_NAME_MAX_LENGTH = 120;
/** Blocks of all term versions together. */
export const PLAN_MAX_BLOCKS = 200;
/** Term versions of one plan: ten years of monthly amendments. */
export const PLAN_MAX_TERM_VERSIONS = 120;
export const BLOCK_ID_MAX_LENGTH = 64;
/** The longest IANA name is 32 characters (America/Argentina/ComodRivadavia). */
export const TIME_ZONE_MAX_LENGTH = 64;
export const MAX_THRESHOLDS = 10;
export const MAX_THRESHOLD_PERCENT = 1000;
/** Multiplier rules of one term version. */
export const MAX_MULTIPLIER_RULES = 20;
export const MULTIPLIER_NAME_MAX_LENGTH = 80;
/** The highest factor, in thousandths: ×10. Charges stay exact up to EXACT_BILLABLE_HOURS_PER_PERIOD charged hours. */
export const MAX_FACTOR_PERMILLE = 10_000;
/** Holidays one rule lists: a few years of public holidays. */
export const MAX_HOLIDAY_DATES = 400;
/** Priorities, issue types or request types one rule lists. */
export const MAX_MULTIPLIER_VALUES = 50;
/** Jira priority, issue type and request type ids (the CLI's links file may use names). */
export const MULTIPLIER_VALUE_MAX_LENGTH = 255;
/** Dated attribute values of one issue in a links file. */
export const MAX_ISSUE_ATTRIBUTE_CHANGES = 100;
/** Account ids and groups together. */
export const MAX_ALERT_RECIPIENTS = 50;
/** Atlassian account ids are at most 128 characters. */
export const ACCOUNT_ID_MAX_LENGTH = 128;
/** Customers named as a plan's audience in the portal (its organisations' members need no list). */
export const MAX_NAMED_CUSTOMERS = 50;
/** JSM organisations one plan may name (a plan per customer names one or a few). */
export const MAX_PLAN_ORGANIZATIONS = 50;
/** JSM organisation ids are Jira's numeric ids. */
export const ORGANIZATION_ID_MAX_LENGTH = 18;
/** Jira group names are at most 255 characters. */
export const GROUP_NAME_MAX_LENGTH = 255;
/** The optional `$schema` link of a plan file. */
export const SCHEMA_LINK_MAX_LENGTH = 2048;

// ─── Other input files and payloads ─────────────────────────────────────────────────────────────────────────

/** Ids, keys and names in links and worklogs files (Jira's issue keys and display names fit in 255). */
export const IDENTIFIER_MAX_LENGTH = 255;
export const ISSUE_SUMMARY_MAX_LENGTH = 1000;
export const BULK_JQL_MAX_LENGTH = 2000;
export const CLOSING_REASON_MAX_LENGTH = 500;
export const HISTORY_MAX_PERIODS = 36;

// ─── Resolver answers ───────────────────────────────────────────────────────────────────────────────────────

/** Every resolver answer stays under this many bytes of JSON (Forge refuses answers over 5 MB). */
export const RESOLVER_ANSWER_MAX_BYTES = 1024 * 1024;
/** Items of a statement's list (worklog lines, late adjustments, breakdown rows) in one page unless asked otherwise. */
export const STATEMENT_PAGE_DEFAULT_ITEMS = 100;
/** The most items one page may be asked for. */
export const STATEMENT_PAGE_MAX_ITEMS = 2000;
/** A page also ends before its items pass this many bytes of JSON, whatever their texts (an issue summary may be 1,000 characters). */
export const STATEMENT_PAGE_MAX_BYTES = 640 * 1024;
/** The same for each of the four first pages a statement's summary carries. */
export const STATEMENT_FIRST_PAGE_MAX_BYTES = 160 * 1024;

/** A resolver payload, serialized as JSON (UTF-8), checked before it is parsed: the largest plan is about 50 KiB. */
export const RESOLVER_PAYLOAD_MAX_BYTES = 64 * 1024;
/** Objects and arrays inside one another in a resolver payload; the deepest the contract uses is 4. */
export const RESOLVER_PAYLOAD_MAX_DEPTH = 8;

// ─── Plan-fit advice ────────────────────────────────────────────────────────────────────────────────────────

/** Complete periods one advice replays: two years of months; a year unless asked. */
export const MAX_ADVICE_PERIODS = 24;
export const DEFAULT_ADVICE_PERIODS = 12;
/** Candidates one advice prices, each over every period. */
export const MAX_ADVICE_CANDIDATES = 8;
export const CANDIDATE_NAME_MAX_LENGTH = 80;
/** The smallest top-up block: each run-out replays the period once more, so blocks of at least an hour bound that. */
export const MIN_TOP_UP_SECONDS = HOUR;
