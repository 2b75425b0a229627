/**
 * The fields the access layer reads from Jira's answers, checked at the boundary. Each schema
 * `satisfies` jira.js's model of the same payload (or the part of it the layer reads, where the
 * model requires fields the layer never asks for), so a field read here is one Jira documents.
 */
import * as z from 'zod';
import type {
  BulkPermissionGrants,
  ChangedWorklogs,
  EntityProperty,
  Fields,
  Issue,
  PageOfWorklogs,
  ParsedJqlQueries,
  Permissions,
  SearchAndReconcileResults,
} from 'jira.js/version3/models';
import type { JiraWorklog } from '../../ledger/types';
import type { JiraAccount, SupportPlanProperty } from '../../app/ports/jira';
import { AttributeFieldsSchema, EmbeddedChangelogSchema } from './issue-attributes';

export const WorklogSchema = z.object({
  id: z.string(),
  issueId: z.string(),
  started: z.string(),
  timeSpentSeconds: z.number().int().nonnegative(),
  author: z.object({ accountId: z.string(), displayName: z.string().optional() }).optional(),
  updated: z.string().optional(),
}) satisfies z.ZodType<JiraWorklog>;

const WorklogPageShape = z.object({
  startAt: z.number().int(),
  maxResults: z.number().int(),
  total: z.number().int(),
  worklogs: z.array(WorklogSchema),
});

export const WorklogPageSchema = WorklogPageShape satisfies z.ZodType<PageOfWorklogs>;

export const WorklogListSchema = z.array(WorklogSchema);

export const SupportPlanPropertySchema = z.object({
  planId: z.string().min(1),
  billingClass: z.enum(['covered', 'extra', 'non-billable']),
  // A value the app never writes (a hand edit through the REST API) says nothing about how the link was set.
  linkedBy: z.enum(['hand', 'organization', 'project-default']).optional().catch(undefined),
}) satisfies z.ZodType<SupportPlanProperty>;

const IssueFieldsSchema = z.object({
  summary: z.string(),
  project: z.object({ id: z.string(), key: z.string() }),
});

export const IssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: IssueFieldsSchema,
  properties: z.record(z.string(), z.unknown()).optional(),
});

/** An issue read with its priority, issue type and request type. */
export const IssueWithAttributesSchema = IssueSchema.extend({ fields: IssueFieldsSchema.extend(AttributeFieldsSchema.shape) });

/**
 * `worklog` may be missing (time tracking off, the field hidden): the issue's worklogs are then read on their own; so
 * may `changelog`: then it is read on its own.
 */
export const IssueWithWorklogsSchema = IssueSchema.extend({
  fields: IssueFieldsSchema.extend({ worklog: WorklogPageShape.optional() }).extend(AttributeFieldsSchema.shape),
  changelog: EmbeddedChangelogSchema.optional(),
});

/** A search page as read: the issues' fields named here and the token, which Jira sends as null on the last page. */
type SearchPageRead<IssueRead> = Omit<SearchAndReconcileResults, 'issues' | 'nextPageToken'> & {
  issues: IssueRead[];
  nextPageToken?: SearchAndReconcileResults['nextPageToken'] | null;
};

type IssueWithWorklogsRead = Pick<Issue, 'id' | 'key' | 'properties'> & {
  fields: Pick<Fields, 'summary' | 'project'> & Partial<Pick<Fields, 'worklog'>>;
  changelog?: { total?: number; histories?: { created?: string }[] };
};

export const PlanIssuesSearchSchema = z.object({
  issues: z.array(IssueWithWorklogsSchema),
  nextPageToken: z.string().nullish(),
}) satisfies z.ZodType<SearchPageRead<IssueWithWorklogsRead>>;

export const IssueIdsSearchSchema = z.object({
  issues: z.array(z.object({ id: z.string() })),
  nextPageToken: z.string().nullish(),
}) satisfies z.ZodType<SearchPageRead<Pick<Issue, 'id'>>>;

export const ChangedWorklogsSchema = z.object({
  values: z.array(z.object({ worklogId: z.number().int(), updatedTime: z.number().int().optional() })),
  since: z.number().int().optional(),
  until: z.number().int().optional(),
  nextPage: z.string().optional(),
  lastPage: z.boolean(),
}) satisfies z.ZodType<ChangedWorklogs>;

export const EntityPropertySchema = z.object({
  key: z.string(),
  value: z.unknown(),
}) satisfies z.ZodType<EntityProperty>;

export const PermissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
}) satisfies z.ZodType<Permissions>;

export const AccountSchema = z.object({
  accountId: z.string(),
  active: z.boolean(),
}) satisfies z.ZodType<JiraAccount>;

/** A search asking for `project` and the `support-plan` property only. */
export const FoundIssuesSearchSchema = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      fields: z.object({ project: z.object({ id: z.string() }) }),
      properties: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  nextPageToken: z.string().nullish(),
}) satisfies z.ZodType<SearchPageRead<Pick<Issue, 'id' | 'key' | 'properties'> & { fields: Pick<Fields, 'project'> }>>;

/** The answer to one query sent to `jql/parse`: `errors` only when Jira refuses it. */
export const ParsedJqlQuerySchema = z.object({
  query: z.string(),
  errors: z.array(z.string()).optional(),
});

export const ParsedSingleJqlSchema = z.object({
  queries: z.tuple([ParsedJqlQuerySchema]),
}) satisfies z.ZodType<ParsedJqlQueries>;

export const BulkPermissionGrantsSchema = z.object({
  globalPermissions: z.array(z.string()),
  projectPermissions: z.array(z.object({ permission: z.string(), issues: z.array(z.number().int()), projects: z.array(z.number().int()) })),
}) satisfies z.ZodType<BulkPermissionGrants>;
