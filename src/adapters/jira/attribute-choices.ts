import * as z from 'zod';
import type { Project } from 'jira.js/version3/models';
import type { AttributeChoices, NamedValue } from '../../app/ports/jira';
import type { JiraClient } from './jira-client';
import { projectRequestTypes } from './service-desk';

const NamedValueSchema = z.object({ id: z.string(), name: z.string() });

const PriorityPageSchema = z.object({ values: z.array(NamedValueSchema), isLast: z.boolean().optional(), total: z.int().optional() });

const ProjectIssueTypesSchema = z.object({ issueTypes: z.array(NamedValueSchema).optional() }) satisfies z.ZodType<Pick<Project, 'issueTypes'> & object>;

/** Jira's priorities (paged, 50 a page), the project's issue types (one read) and its service desk's request types. */
export async function attributeChoices(client: JiraClient, projectId: string): Promise<AttributeChoices> {
  const [priorities, issueTypes, requestTypes] = await Promise.all([allPriorities(client), projectIssueTypes(client, projectId), projectRequestTypes(client, projectId)]);
  const named = ({ id, name }: NamedValue): NamedValue => ({ id, name });
  return { priorities: priorities.map(named), issueTypes: issueTypes.map(named), requestTypes: requestTypes?.map(named) ?? null };
}

async function allPriorities(client: JiraClient): Promise<NamedValue[]> {
  const priorities: NamedValue[] = [];
  for (;;) {
    const page = await client.send({
      operation: 'priorities',
      method: 'GET',
      resource: { template: '/rest/api/3/priority/search' },
      query: { startAt: String(priorities.length), maxResults: '50' },
      idempotent: true,
      parse: (body) => PriorityPageSchema.parse(body),
    });
    priorities.push(...page.values);
    if (page.values.length === 0 || page.isLast !== false) return priorities;
  }
}

function projectIssueTypes(client: JiraClient, projectId: string): Promise<NamedValue[]> {
  return client.send({
    operation: 'project-issue-types',
    method: 'GET',
    resource: { template: '/rest/api/3/project/{projectIdOrKey}', projectIdOrKey: projectId },
    idempotent: true,
    parse: (body) => ProjectIssueTypesSchema.parse(body).issueTypes ?? [],
    onNotFound: () => [],
  });
}
