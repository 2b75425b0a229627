import type { JiraAccount, JiraPermissionKey, PermissionScope } from '../../app/ports/jira';
import type { JiraClient } from './jira-client';
import { AccountSchema, PermissionsSchema } from './schemas';

/** What the caller may do, and who an account is. */
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
