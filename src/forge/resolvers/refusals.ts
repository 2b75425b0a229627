/**
 * The one place where a use case's refusal becomes what the caller sees: the contract's error
 * code, a message for people and the fields at fault. An absent plan and another project's
 * plan arrive here as the same refusal and leave as the same answer.
 */
import type { ResolverError } from '../../contract';
import { blockerSentence } from '../../app/closing/closing-readiness';
import type { ClosedChange, Conflict, InUse, Invalid, NotAllowed, NotFound, Refusal, StaleCount } from '../../app/refusal';

function notFound(subject: NotFound): ResolverError {
  switch (subject.what) {
    case 'plan':
      return {
        code: 'PLAN_NOT_FOUND',
        message: `There is no plan "${subject.planId}" in this project.`,
        fields: [{ path: subject.path, message: 'is not a plan of this project' }],
      };
    case 'gadget-plan':
      return {
        code: 'PLAN_NOT_FOUND',
        message: `The plan "${subject.planId}" no longer exists in project ${subject.projectKey}. Edit the gadget to choose another plan.`,
      };
    case 'bulk-job':
      return { code: 'NOT_FOUND', message: `There is no bulk-linking job "${subject.jobId}" in this project.` };
    case 'closed-version':
      return { code: 'NOT_FOUND', message: `The period ${subject.periodLabel} has no closed version ${subject.version}.` };
    case 'issue':
      return { code: 'NOT_FOUND', message: 'This issue does not exist or you are not allowed to see it.' };
    case 'request':
      return { code: 'NOT_FOUND', message: 'This request does not exist or you are not allowed to see it.' };
  }
}

function notAllowed(reason: NotAllowed): string {
  switch (reason.what) {
    case 'not-on-a-project':
      return 'This action is only available from a Jira project or issue.';
    case 'not-on-an-issue':
      return 'This action is only available from a Jira issue.';
    case 'not-on-a-request':
      return 'This is only available on a request in the customer portal.';
    case 'browse-project':
      return 'You need permission to browse this project to see its support plans.';
    case 'administer-project':
      return 'Only administrators of this project can change its support plans and settings.';
    case 'edit-issue':
      return 'You need permission to edit this issue to change its support plan.';
    case 'browse-gadget-project':
      return `You need permission to browse project ${reason.projectKey} to see this gadget.`;
  }
}

function conflict(reason: Conflict): ResolverError {
  switch (reason.what) {
    case 'plan-key-taken':
      return {
        code: 'CONFLICT',
        message: `A plan with the id "${reason.planId}" already exists on this site. Plan ids are unique across projects: choose another.`,
        fields: [{ path: 'plan.id', message: 'is already used by another plan' }],
      };
    case 'plan-archived':
      return { code: 'CONFLICT', message: `The plan "${reason.planName}" is archived; archived plans can't be edited.` };
    case 'plan-being-deleted':
      return { code: 'CONFLICT', message: `The plan "${reason.planId}" is being deleted; it can no longer be changed.` };
    case 'period-changed':
      return { code: 'CONFLICT', message: `The period ${reason.periodLabel} was closed or reopened by someone else at the same moment. Reload and try again.` };
    case 'period-already-closed':
      return { code: 'CONFLICT', message: `The period ${reason.periodLabel} is already closed (version ${reason.version}).` };
    case 'previous-period-open':
      return { code: 'CONFLICT', message: `Close ${reason.previousLabel} first: periods are closed in order.` };
    case 'period-open':
      return { code: 'CONFLICT', message: `The period ${reason.periodLabel} is open; only a closed period can be reopened.` };
    case 'next-period-closed':
      return { code: 'CONFLICT', message: `Reopen ${reason.nextLabel} first: only the last closed period can be reopened.` };
    case 'figures-incomplete':
      return { code: 'CONFLICT', message: blockerSentence(reason.periodLabel, reason.blocker, reason.timeZone) };
    case 'closed-period-change':
      return { code: 'CONFLICT', message: closedChangeMessage(reason.periodLabel, reason.nextOpenLabel, reason.change), fields: [closedChangeField(reason.change)] };
  }
}

const LIFELONG_FIELD_NAMES = { kind: 'kind', currency: 'currency', timeZone: 'time zone', startDate: 'start date', endDate: 'end date' } as const;

/** Names the closed period and what to do instead: the one message the settings form shows for such an edit. */
function closedChangeMessage(periodLabel: string, nextOpenLabel: string | null, change: ClosedChange): string {
  const closed = `${periodLabel} is closed; reopen it first`;
  switch (change.kind) {
    case 'terms':
      return nextOpenLabel === null ? `${closed}.` : `${closed} or make the change effective from ${nextOpenLabel}.`;
    case 'identity':
      return change.field === 'endDate'
        ? `${closed}: the new end date would cut it short.`
        : `${closed}: the plan's ${LIFELONG_FIELD_NAMES[change.field]} applies to every period, closed ones too.`;
    case 'block':
      return `${closed}: block "${change.blockId}" was bought in it.`;
  }
}

function closedChangeField(change: ClosedChange): { path: string; message: string } {
  switch (change.kind) {
    case 'terms':
      return { path: 'effectiveFrom', message: 'is not after the last closed period' };
    case 'identity':
      return { path: `plan.${change.field}`, message: 'cannot change while a period is closed' };
    case 'block':
      return { path: 'plan.blocks', message: `block "${change.blockId}" was bought in a closed period` };
  }
}

function inUse(reason: InUse): string {
  if (reason.what === 'default-plan') return 'This plan is the project\'s default plan for new issues. Choose another default (or none) first.';
  const { count } = reason;
  return `${count} issue${count === 1 ? '' : 's'} still count${count === 1 ? 's' : ''} against this plan. Link them to another plan or clear their plan first, or archive the plan instead.`;
}

function invalid(path: string, reason: Invalid): ResolverError {
  const field = (message: string, fieldMessage: string): ResolverError => ({ code: 'VALIDATION_FAILED', message, fields: [{ path, message: fieldMessage }] });
  switch (reason.what) {
    case 'plan-not-active':
      return field(`This plan is archived; only active plans of project ${reason.projectKey} can be chosen.`, `must be an active plan of project ${reason.projectKey}`);
    case 'no-such-period':
      return field(`The plan "${reason.planName}" has no period starting in ${reason.periodLabel}.`, `no period of this plan starts in ${reason.periodLabel}`);
    case 'period-not-ended':
      return field(`The period ${reason.periodLabel} has not ended yet; it can be closed from ${reason.endDateExclusive}.`, `has not ended yet (it ends on ${reason.endDateExclusive})`);
    case 'jql-refused':
      return field(`Jira refused the JQL: ${reason.reason}`, reason.reason);
    case 'too-many-issues':
      return field(`The JQL matches more than ${reason.max} issues; narrow it and link in several runs.`, `matches more than ${reason.max} issues`);
    case 'plan-versions':
      return field(`These terms make no valid plan: ${reason.message}`, reason.message);
    case 'not-a-service-project':
      return field(`Project ${reason.projectKey} is not a Jira Service Management service project: its plans can't name organisations.`, 'must be empty outside a service project');
    case 'unknown-organization':
      return field(
        `Organisation ${reason.organizationId} is not one of the organisations of project ${reason.projectKey}'s service desk.`,
        `must be an organisation of project ${reason.projectKey}'s service desk`,
      );
    case 'organization-claimed':
      return field(
        `The organisation "${reason.organizationName}" already belongs to the plan "${reason.planName}". An organisation's requests can follow only one plan of a project: remove it there first.`,
        `already belongs to the plan "${reason.planName}"`,
      );
    case 'candidate-terms':
      return { code: 'VALIDATION_FAILED', message: 'A candidate gives terms its kind of plan does not price with.', fields: [...reason.fields] };
    case 'gadget-configuration':
      return {
        code: 'VALIDATION_FAILED',
        message: 'The gadget\'s saved configuration is not valid; edit the gadget to choose a project and plan again.',
        fields: reason.fields.map((fault) => ({ path: `${path}.${fault.path}`, message: fault.message })),
      };
  }
}

function recountMessage(reason: StaleCount): string {
  switch (reason.what) {
    case 'query-changed':
      return 'The query changed since it was counted; count again.';
    case 'results-changed':
      return `The query's results changed since it was counted (counted: ${reason.counted}, now: ${reason.now} of this project's issues); count again.`;
    case 'expired':
      return `The count is more than ${reason.validMinutes} minutes old; count again.`;
    case 'not-the-latest':
      return 'This link does not belong to your latest count (it was used already, or you counted again since); count again.';
  }
}

function staleMessage(subject: 'plan' | 'settings', expected: number, current: number): string {
  return subject === 'plan'
    ? `The plan was changed since you read it (you have version ${expected}, it is now at version ${current}). Reload it and apply your change again.`
    : `The project's settings were changed since you read them (version ${expected}, now ${current}). Reload and try again.`;
}

export function resolverErrorOf(refusal: Refusal): ResolverError {
  switch (refusal.kind) {
    case 'not-found':
      return notFound(refusal.subject);
    case 'not-allowed':
      return { code: 'FORBIDDEN', message: notAllowed(refusal.reason) };
    case 'stale': {
      const { subject, expectedVersion, currentVersion } = refusal;
      const owner = subject === 'plan' ? 'the plan\'s' : 'the settings\'';
      return {
        code: 'STALE_VERSION',
        message: staleMessage(subject, expectedVersion, currentVersion),
        fields: [{ path: 'expectedVersion', message: `must be ${currentVersion}, ${owner} current version` }],
      };
    }
    case 'conflict':
      return conflict(refusal.reason);
    case 'in-use':
      return { code: 'PLAN_IN_USE', message: inUse(refusal.reason) };
    case 'invalid':
      return invalid(refusal.path, refusal.reason);
    case 'recount':
      return {
        code: 'RECOUNT_REQUIRED',
        message: recountMessage(refusal.reason),
        fields: [{ path: 'countToken', message: 'must come from a count of this query that is still current' }],
      };
  }
}
