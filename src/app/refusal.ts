/**
 * Why a use case did not do what was asked, as data: the resolver edge turns each refusal into
 * the contract's error code and a message in one place (`src/forge/resolvers/refusals.ts`).
 * A refusal never comes with a write: every use case refuses before it changes anything.
 *
 * A plan (or job, or version) that is absent and one the caller may not see are the same
 * `not-found`: use cases cannot tell them apart, so no answer can.
 */
import type { FieldError } from '../contract';
import type { ClosingBlocker } from './closing/closing-readiness';

export type NotFound =
  /** No plan with this key in the caller's project (absent, or another project's). */
  | { readonly what: 'plan'; readonly planId: string; readonly path: string }
  /** The plan a gadget was configured with is gone from the configured project. */
  | { readonly what: 'gadget-plan'; readonly planId: string; readonly projectKey: string }
  | { readonly what: 'bulk-job'; readonly jobId: string }
  | { readonly what: 'closed-version'; readonly periodLabel: string; readonly version: number }
  /** The issue is missing or hidden from the caller, as Jira answers it. */
  | { readonly what: 'issue' }
  /** A portal request is missing or hidden from the customer, as Jira answers it. */
  | { readonly what: 'request' };

export type NotAllowed =
  | { readonly what: 'not-on-a-project' }
  | { readonly what: 'not-on-an-issue' }
  | { readonly what: 'not-on-a-request' }
  | { readonly what: 'browse-project' }
  | { readonly what: 'administer-project' }
  | { readonly what: 'edit-issue' }
  | { readonly what: 'browse-gadget-project'; readonly projectKey: string };

/** What about an edit would change a closed period. */
export type ClosedChange =
  /** The edited terms would apply from that period or earlier. */
  | { readonly kind: 'terms' }
  /** A field that holds for the plan's whole life, or an end date that would cut the period short. */
  | { readonly kind: 'identity'; readonly field: 'kind' | 'currency' | 'timeZone' | 'startDate' | 'endDate' }
  /** A block bought in that period was added, removed or changed. */
  | { readonly kind: 'block'; readonly blockId: string };

export type Conflict =
  | { readonly what: 'plan-key-taken'; readonly planId: string }
  | { readonly what: 'plan-archived'; readonly planName: string }
  | { readonly what: 'plan-being-deleted'; readonly planId: string }
  | { readonly what: 'period-changed'; readonly periodLabel: string }
  | { readonly what: 'period-already-closed'; readonly periodLabel: string; readonly version: number }
  | { readonly what: 'previous-period-open'; readonly previousLabel: string }
  | { readonly what: 'period-open'; readonly periodLabel: string }
  | { readonly what: 'next-period-closed'; readonly nextLabel: string }
  /** The plan's figures for the period are not complete yet (a build runs, or reconciliation is behind). */
  | { readonly what: 'figures-incomplete'; readonly periodLabel: string; readonly timeZone: string; readonly blocker: ClosingBlocker }
  /** `nextOpenLabel`: the first period after the last closed one; null when the plan has none. */
  | { readonly what: 'closed-period-change'; readonly periodLabel: string; readonly nextOpenLabel: string | null; readonly change: ClosedChange };

export type InUse = { readonly what: 'default-plan' } | { readonly what: 'linked-issues'; readonly count: number };

export type Invalid =
  | { readonly what: 'plan-not-active'; readonly projectKey: string }
  | { readonly what: 'no-such-period'; readonly planName: string; readonly periodLabel: string }
  | { readonly what: 'period-not-ended'; readonly periodLabel: string; readonly endDateExclusive: string }
  | { readonly what: 'jql-refused'; readonly reason: string }
  | { readonly what: 'too-many-issues'; readonly max: number }
  | { readonly what: 'gadget-configuration'; readonly fields: readonly FieldError[] }
  /** Candidate terms with fields their kind prices nothing with (plan-fit advice). */
  | { readonly what: 'candidate-terms'; readonly fields: readonly FieldError[] }
  /** An edit whose versions make no valid plan, e.g. an end date before a later version's first period. */
  | { readonly what: 'plan-versions'; readonly message: string }
  /** Organisations named for a project without a JSM service desk. */
  | { readonly what: 'not-a-service-project'; readonly projectKey: string }
  /** An organisation id that is not one of the project's service desk's. */
  | { readonly what: 'unknown-organization'; readonly organizationId: string; readonly projectKey: string }
  /** Another plan of the project already names the organisation. */
  | { readonly what: 'organization-claimed'; readonly organizationName: string; readonly planName: string };

/** Why a bulk link may not act on the count it brings: the admin must count again. */
export type StaleCount =
  /** The query sent is not the one counted. */
  | { readonly what: 'query-changed' }
  /** The same query finds other issues now. */
  | { readonly what: 'results-changed'; readonly counted: number; readonly now: number }
  | { readonly what: 'expired'; readonly validMinutes: number }
  /** Not the admin's latest count: used already, or replaced by a newer one. */
  | { readonly what: 'not-the-latest' };

export type Refusal =
  | { readonly kind: 'not-found'; readonly subject: NotFound }
  | { readonly kind: 'not-allowed'; readonly reason: NotAllowed }
  | { readonly kind: 'stale'; readonly subject: 'plan' | 'settings'; readonly expectedVersion: number; readonly currentVersion: number }
  | { readonly kind: 'conflict'; readonly reason: Conflict }
  | { readonly kind: 'in-use'; readonly reason: InUse }
  /** `path` names the payload field at fault, like `planId` or `period`. */
  | { readonly kind: 'invalid'; readonly path: string; readonly reason: Invalid }
  | { readonly kind: 'recount'; readonly reason: StaleCount };

export interface Refused {
  readonly ok: false;
  readonly refusal: Refusal;
}

/** What a use case answers: its data, or why it refused. */
export type UseCaseOutcome<T> = { readonly ok: true; readonly data: T } | Refused;

export const refuse = (refusal: Refusal): Refused => ({ ok: false, refusal });

export const notFound = (subject: NotFound): Refused => refuse({ kind: 'not-found', subject });
export const notAllowed = (reason: NotAllowed): Refused => refuse({ kind: 'not-allowed', reason });
export const conflict = (reason: Conflict): Refused => refuse({ kind: 'conflict', reason });
export const inUse = (reason: InUse): Refused => refuse({ kind: 'in-use', reason });
export const invalid = (path: string, reason: Invalid): Refused => refuse({ kind: 'invalid', path, reason });
export const recount = (reason: StaleCount): Refused => refuse({ kind: 'recount', reason });

export const stale = (subject: 'plan' | 'settings', expectedVersion: number, currentVersion: number): Refused =>
  refuse({ kind: 'stale', subject, expectedVersion, currentVersion });
