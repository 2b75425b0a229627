import * as z from 'zod';
import { badRequest } from '../http';
import { hasPermission, PERMISSION_DETAILS } from '../permissions';
import { DEFAULT_VALIDATOR_MESSAGE, statusOf, transitionsFrom, type SimStatus, type SimTransition, type ValidatorPayload, type ValidatorVerdict } from '../workflow';
import { eventIssue } from './issues';
import { parseBody } from './params';
import { noContent, ok, pathIssue, type Route, type RouteContext } from './route';

function statusView(status: SimStatus, baseUrl: string) {
  const { category } = status;
  return {
    self: `${baseUrl}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${baseUrl}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: { self: `${baseUrl}/rest/api/3/statuscategory/${category.id}`, id: category.id, key: category.key, colorName: category.colorName, name: category.name },
  };
}

function transitionView(transition: SimTransition, baseUrl: string) {
  return {
    id: transition.id,
    name: transition.name,
    to: statusView(statusOf(transition.toStatusId), baseUrl),
    hasScreen: false,
    isGlobal: true,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  };
}

/** The transitions the caller may make on the issue now: none without Transition issues, as Jira lists them. */
export const getTransitionsRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/issue/{issueIdOrKey}/transitions',
  handle(context) {
    const { caller, query, baseUrl } = context;
    const issue = pathIssue(context);
    const permitted = hasPermission(caller, issue.projectId, 'TRANSITION_ISSUES') ? transitionsFrom(issue.statusId) : [];
    const wanted = query.get('transitionId');
    const listed = wanted === null ? permitted : permitted.filter((transition) => transition.id === wanted);
    return ok({ transitions: listed.map((transition) => transitionView(transition, baseUrl)) });
  },
};

const transitionBody = z.object({
  transition: z.object({ id: z.string().min(1) }, { error: 'Missing transition.' }),
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Moves the issue through a transition, after every app validator added to it agrees: a refusal is Jira's 400 with
 * the validator's message, and changes nothing. A validator that fails to answer refuses, as Jira treats it.
 */
export const doTransitionRoute: Route = {
  method: 'POST',
  path: '/rest/api/3/issue/{issueIdOrKey}/transitions',
  async handle(context) {
    const { caller, store, now, emit } = context;
    const issue = pathIssue(context);
    const body = parseBody(transitionBody, context.body);
    if (!hasPermission(caller, issue.projectId, 'TRANSITION_ISSUES')) {
      throw badRequest(`You do not have the permission to transition this issue (${PERMISSION_DETAILS.TRANSITION_ISSUES.name}).`);
    }
    const transition = transitionsFrom(issue.statusId).find((candidate) => candidate.id === body.transition.id);
    if (transition === undefined) throw badRequest(`Transition id '${body.transition.id}' is not valid for this issue.`);
    const from = statusOf(issue.statusId);
    const refusal = await firstRefusal(context, { issue: { key: issue.key }, configuration: {}, transition: { from: { id: from.id }, to: { id: transition.toStatusId }, modifiedFields: {} } }, transition.id);
    if (refusal !== undefined) throw badRequest(refusal);
    // The issue as it is now: the validators ran while other requests may have changed it.
    const current = pathIssue(context);
    if (statusOf(current.statusId).id !== from.id) throw badRequest(`Transition id '${transition.id}' is not valid for this issue.`);
    const to = statusOf(transition.toStatusId);
    store.putIssue({ ...current, statusId: to.id, updated: now });
    emit({
      eventType: 'avi:jira:updated:issue',
      selfGenerated: false,
      atlassianId: caller.accountId,
      issue: eventIssue(store, current),
      changelog: {
        id: store.allocateChangelogId(),
        items: [{ field: 'status', fieldId: 'status', fieldtype: 'jira', from: from.id, fromString: from.name, to: to.id, toString: to.name }],
      },
    });
    return noContent();
  },
};

async function firstRefusal(context: RouteContext, payload: ValidatorPayload, transitionId: string): Promise<string | undefined> {
  for (const validator of context.workflowValidators.filter((candidate) => candidate.transitionIds.includes(transitionId))) {
    const verdict = await validator.validate(payload).catch((): ValidatorVerdict => ({ result: false }));
    if (!verdict.result) return verdict.errorMessage ?? DEFAULT_VALIDATOR_MESSAGE;
  }
  return undefined;
}
