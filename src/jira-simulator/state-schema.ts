import * as z from 'zod';
import { PERMISSION_KEYS, type SimulatorState } from './model';

/** Checks a state read from disk, so a hand-edited or stale file fails clearly on load. */
export const simulatorStateSchema: z.ZodType<SimulatorState> = z.object({
  users: z.array(
    z.object({
      accountId: z.string(),
      email: z.string(),
      apiToken: z.string(),
      displayName: z.string(),
      timeZone: z.string(),
      accountType: z.enum(['atlassian', 'app', 'customer']),
      active: z.boolean().optional(),
      permissions: z.record(z.string(), z.array(z.enum(PERMISSION_KEYS))),
    }),
  ),
  projects: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
  issueTypes: z.array(z.object({ id: z.string(), name: z.string() })),
  issues: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      projectId: z.string(),
      summary: z.string(),
      issueTypeId: z.string(),
      priorityId: z.string().optional(),
      requestTypeId: z.string().optional(),
      changelog: z
        .array(
          z.object({
            id: z.string(),
            created: z.number(),
            authorAccountId: z.string(),
            items: z.array(
              z.object({
                field: z.string(),
                fieldId: z.string(),
                fieldtype: z.enum(['jira', 'custom']),
                from: z.string().nullable(),
                fromString: z.string().nullable(),
                to: z.string().nullable(),
                toString: z.string().nullable(),
              }),
            ),
          }),
        )
        .optional(),
      created: z.number(),
      updated: z.number(),
      properties: z.record(z.string(), z.unknown()),
      reporterAccountId: z.string().optional(),
      participantAccountIds: z.array(z.string()).optional(),
      organizationIds: z.array(z.string()).optional(),
      statusId: z.string().optional(),
    }),
  ),
  worklogs: z.array(
    z.object({
      id: z.string(),
      issueId: z.string(),
      authorAccountId: z.string(),
      updateAuthorAccountId: z.string(),
      started: z.string(),
      timeSpentSeconds: z.number().int(),
      comment: z.unknown().optional(),
      created: z.number(),
      updated: z.number(),
    }),
  ),
  deletedWorklogs: z.array(z.object({ worklogId: z.string(), deletedAt: z.number() })),
  // Absent in state files written before the simulator knew Jira Service Management.
  serviceDesks: z.array(z.object({ id: z.string(), projectId: z.string() })).optional(),
  organizations: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        created: z.number(),
        memberAccountIds: z.array(z.string()),
        serviceDeskIds: z.array(z.string()),
      }),
    )
    .optional(),
  nextIssueId: z.number().int(),
  nextWorklogId: z.number().int(),
});
