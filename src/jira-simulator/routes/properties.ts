import { badRequest, notFound } from '../http';
import { requirePermission } from '../permissions';
import { noContent, ok, pathIssue, type Route, type RouteContext } from './route';

/** Jira's limit on an entity property value, in bytes of its JSON. */
const MAX_PROPERTY_BYTES = 32_768;
const MAX_PROPERTY_KEY_LENGTH = 255;

export const getPropertyRoute: Route = {
  method: 'GET',
  path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
  handle(context) {
    const { params } = context;
    const issue = pathIssue(context);
    const key = params.propertyKey ?? '';
    const value = issue.properties[key];
    if (value === undefined) throw notFound(`The property with key '${key}' does not exist.`);
    return ok({ key, value }, 1);
  },
};

export const setPropertyRoute: Route = {
  method: 'PUT',
  path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
  handle(context) {
    const { store, params, body, now } = context;
    const issue = editableIssue(context);
    const key = params.propertyKey ?? '';
    if (key.length === 0 || key.length > MAX_PROPERTY_KEY_LENGTH) {
      throw badRequest(`The property key must be between 1 and ${MAX_PROPERTY_KEY_LENGTH} characters long.`);
    }
    if (body === undefined || body === null) throw badRequest('The property value must not be empty.');
    const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
    if (bytes > MAX_PROPERTY_BYTES) {
      throw badRequest(`The property value is ${bytes} bytes long; the maximum is ${MAX_PROPERTY_BYTES}.`);
    }
    const existed = issue.properties[key] !== undefined;
    store.putIssue({ ...issue, properties: { ...issue.properties, [key]: body }, updated: now });
    return ok({}, 0, existed ? 200 : 201);
  },
};

/** Needs Edit issues too; Jira then answers 403, which its spec does not list for this operation. */
export const deletePropertyRoute: Route = {
  method: 'DELETE',
  path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
  handle(context) {
    const { store, params, now } = context;
    const issue = editableIssue(context);
    const key = params.propertyKey ?? '';
    if (issue.properties[key] === undefined) throw notFound(`The property with key '${key}' does not exist.`);
    const properties = Object.fromEntries(Object.entries(issue.properties).filter(([existing]) => existing !== key));
    store.putIssue({ ...issue, properties, updated: now });
    return noContent();
  },
};

function editableIssue(context: RouteContext) {
  const { caller } = context;
  const issue = pathIssue(context);
  requirePermission(caller, issue, 'EDIT_ISSUES', 'edit this issue');
  return issue;
}
