import type { JiraAccount, JiraPermissionKey, JiraProject, JiraUser, PermissionScope } from '../../app/ports/jira';
import type { JiraClient } from './jira-client';
import { AccountSchema, PermissionsSchema, ProjectSchema, UserSchema } from './schemas';

/** Who the caller is and what they may do: permissions, the current user, a project. */
export async function myPermissions(
  client: JiraClient,
  scope: PermissionScope,
  permissions: readonly JiraPermissionKey[],
): Promise<ReadonlySet<JiraPermissionKey>> {
  const answer = await client.send({
    operation: 'my-permissions',
    method: 'GET',
    resource: { template: '/rest/api/3/mypermissions' },
    query: { ...scope, permissions: permissions.join(',') },
    idempotent: true,
    parse: (body) => PermissionsSchema.parse(body),
  });
  return new Set(permissions.filter((key) => answer.permissions[key]?.havePermission === true));
}

export function currentUser(client: JiraClient): Promise<JiraUser> {
  return client.send({
    operation: 'current-user',
    method: 'GET',
    resource: { template: '/rest/api/3/myself' },
    idempotent: true,
    parse: (body) => UserSchema.parse(body),
    countObjects: () => 1,
  });
}

export function getProject(client: JiraClient, projectIdOrKey: string): Promise<JiraProject | null> {
  return client.send({
    operation: 'get-project',
    method: 'GET',
    resource: { template: '/rest/api/3/project/{projectIdOrKey}', projectIdOrKey },
    idempotent: true,
    parse: (body): JiraProject | null => ProjectSchema.parse(body),
    countObjects: () => 1,
    onNotFound: () => null,
  });
}

/** An account by id, active or not; null when Jira knows none (`GET /user` answers 404). */
export function getAccount(client: JiraClient, accountId: string): Promise<JiraAccount | null> {
  return client.send({
    operation: 'get-account',
    method: 'GET',
    resource: { template: '/rest/api/3/user' },
    query: { accountId },
    idempotent: true,
    parse: (body): JiraAccount | null => AccountSchema.parse(body),
    countObjects: () => 1,
    onNotFound: () => null,
  });
}
