/**
 * The one place where the app writes JQL. A {@link Jql} is either built here from field names
 * the app chooses and values quoted by {@link jqlString}, or an administrator's query taken
 * whole by {@link queryAsTyped} and never combined with anything. The Jira port accepts only
 * `Jql`, so no other code can hand Jira a query assembled from text.
 */
import { planIdSchema } from '../../contract/plans';
import type { BillingClass, LocalDate } from '../../ledger/types';

declare const jqlBrand: unique symbol;
declare const clauseBrand: unique symbol;

/** A whole query, ready for Jira's search. */
export type Jql = string & { readonly [jqlBrand]: true };

/** One condition the app wrote; only {@link allOf} turns clauses into a query. */
export type JqlClause = string & { readonly [clauseBrand]: true };

/** The quote, the backslash, and the control characters Jira's lexer refuses inside a quoted string, as escapes. */
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A JQL string literal for any text: double-quoted, with `"` and `\` escaped, line breaks and
 * tabs as `\n`, `\r`, `\t` and every other control character as `\uXXXX` (Jira's escapes).
 *
 * @example
 * jqlString('x" OR project = "OTH') // '"x\\" OR project = \\"OTH"'
 */
export function jqlString(value: string): string {
  const escaped = value.replace(/["\\\p{Cc}]/gu, (character) => SHORT_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}

const clause = (field: string, operator: '=' | '>=' | '<', value: string): JqlClause => `${field} ${operator} ${jqlString(value)}` as JqlClause;

/**
 * Issues linked to the plan, through the `support-plan` property's search alias. The id must
 * have the format every plan id has (a slug): anything else is a bug upstream, not a query.
 */
export function supportPlanIs(planId: string): JqlClause {
  if (!planIdSchema.safeParse(planId).success) throw new Error(`"${planId}" is not a plan id; no JQL is written for it.`);
  return clause('supportPlan', '=', planId);
}

/** A Jira id (an issue's, a project's): digits only, so written as a number; anything else is a bug upstream. */
function jiraId(id: string, what: 'issue' | 'project'): string {
  if (!/^\d+$/.test(id)) throw new Error(`"${id}" is not a Jira ${what} id; no JQL is written for it.`);
  return id;
}

/** One issue, by its Jira id. */
export const issueIdIs = (issueId: string): JqlClause => `id = ${jiraId(issueId, 'issue')}` as JqlClause;

/** The issues of one project, by its Jira id. */
export const projectIs = (projectId: string): JqlClause => `project = ${jiraId(projectId, 'project')}` as JqlClause;

/** The requests shared with a JSM organisation, by its name: the form Atlassian documents for the Organizations field. */
export const organizationIs = (organizationName: string): JqlClause => clause('Organizations', '=', organizationName);

export const billingClassIs = (billingClass: BillingClass): JqlClause => clause('supportBillingClass', '=', billingClass);

/** `worklogDate` is read in the searching user's time zone (the site's, for the app). */
export const worklogOnOrAfter = (date: LocalDate): JqlClause => clause('worklogDate', '>=', date);

export const worklogBefore = (date: LocalDate): JqlClause => clause('worklogDate', '<', date);

/**
 * The clauses joined with AND. Each clause is one comparison the app wrote, so the result
 * needs no parentheses.
 *
 * @example
 * allOf(supportPlanIs('acme-gold'), billingClassIs('extra')) // 'supportPlan = "acme-gold" AND supportBillingClass = "extra"'
 */
export function allOf(first: JqlClause, ...rest: readonly JqlClause[]): Jql {
  return [first, ...rest].join(' AND ') as Jql;
}

/**
 * An administrator's own query, run exactly as typed and as that administrator. It is never
 * joined to other clauses (parentheses in it could undo the join): callers narrow the results
 * instead, for example to the project of the issues Jira returns.
 */
export const queryAsTyped = (text: string): Jql => text as Jql;
