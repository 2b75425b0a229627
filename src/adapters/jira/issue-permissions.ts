import type { JiraPermissionKey } from '../../app/ports/jira';
import type { JiraClient } from './jira-client';
import { BulkPermissionGrantsSchema } from './schemas';

/** Jira checks at most this many issues in one `permissions/check` call. */
export const PERMISSION_CHECK_MAX_ISSUES = 1000;

/**
 * Of the given issues, those on which the caller holds every one of the permissions: one
 * `permissions/check` call per 1,000 issues. An issue Jira does not know (or hides) is granted nothing.
 */
export async function issuesWithPermissions(
  client: JiraClient,
  issueIds: readonly string[],
  permissions: readonly JiraPermissionKey[],
): Promise<ReadonlySet<string>> {
  const batches: string[][] = [];
  for (let start = 0; start < issueIds.length; start += PERMISSION_CHECK_MAX_ISSUES) batches.push(issueIds.slice(start, start + PERMISSION_CHECK_MAX_ISSUES));
  const answers = await Promise.all(batches.map((batch) => checkBatch(client, batch, permissions)));
  return new Set(answers.flat());
}

async function checkBatch(client: JiraClient, issueIds: readonly string[], permissions: readonly JiraPermissionKey[]): Promise<string[]> {
  const answer = await client.send({
    operation: 'check-permissions',
    method: 'POST',
    resource: { template: '/rest/api/3/permissions/check' },
    body: { projectPermissions: [{ issues: issueIds.map(numericId), permissions: [...permissions] }] },
    idempotent: true,
    parse: (body) => BulkPermissionGrantsSchema.parse(body),
  });
  const grantedIds = (permission: JiraPermissionKey) =>
    new Set(answer.projectPermissions.filter((grant) => grant.permission === permission).flatMap((grant) => grant.issues.map(String)));
  const granted = permissions.map(grantedIds);
  return issueIds.filter((issueId) => granted.every((ids) => ids.has(issueId)));
}

/** Jira's issue ids are numbers in this call; anything else is a bug upstream. */
function numericId(issueId: string): number {
  if (!/^\d+$/.test(issueId) || !Number.isSafeInteger(Number(issueId))) throw new Error(`"${issueId}" is not a Jira issue id.`);
  return Number(issueId);
}
