import * as z from 'zod';
import type { CustomerRequest, Organization, PagedOrganization, PagedRequestType, PagedServiceDesk, ServiceDesk } from 'jira.js/serviceDesk/models';
import type { JsmOrganization } from '../../app/ports/jira';
import type { JiraClient } from './jira-client';
import { ORGANIZATIONS_FIELD } from './organizations-field';
import type { QueryParameters, ServiceDeskResource } from './transport';

/**
 * Jira Service Management through `/rest/servicedeskapi/`: organisations, service desks and requests as customers see
 * them. Each schema `satisfies` jira.js's model of the payload, so a field read here is one JSM documents.
 */

/** `servicedeskapi` pages hold at most 50 (its documented default); asking for more gets no more. */
const PAGE_LIMIT = 50;

const OrganizationSchema = z.object({ id: z.string(), name: z.string() }) satisfies z.ZodType<Organization>;

const ServiceDeskSchema = z.object({ id: z.string(), projectId: z.string() }) satisfies z.ZodType<ServiceDesk>;

const OrganizationPageSchema = z.object({
  start: z.int().min(0),
  isLastPage: z.boolean(),
  values: z.array(OrganizationSchema),
}) satisfies z.ZodType<PagedOrganization>;

const ServiceDeskPageSchema = z.object({
  start: z.int().min(0),
  isLastPage: z.boolean(),
  values: z.array(ServiceDeskSchema),
}) satisfies z.ZodType<PagedServiceDesk>;

const CustomerRequestSchema = z.object({ issueId: z.string() }) satisfies z.ZodType<CustomerRequest>;

/** The Organizations field's value on an issue: organisation objects, null when empty, absent outside service projects. */
const IssueOrganizationsSchema = z.object({
  fields: z.object({ [ORGANIZATIONS_FIELD]: z.array(z.object({ id: z.union([z.string(), z.int()]) })).nullish() }).optional(),
});

interface PageSchema<T> {
  parse(body: unknown): { readonly start: number; readonly isLastPage: boolean; readonly values: readonly T[] };
}

/** Every item of a paged `servicedeskapi` list, a page at a time. */
async function allPages<T>(
  client: JiraClient,
  operation: string,
  resource: ServiceDeskResource,
  query: QueryParameters,
  schema: PageSchema<T>,
): Promise<T[]> {
  const items: T[] = [];
  for (let start = 0; ; ) {
    const page = await client.send({
      operation,
      method: 'GET',
      resource,
      query: { ...query, start: String(start), limit: String(PAGE_LIMIT) },
      idempotent: true,
      parse: (body) => schema.parse(body),
      countObjects: (answer) => answer.values.length,
    });
    items.push(...page.values);
    if (page.isLastPage || page.values.length === 0) return items;
    start = page.start + page.values.length;
  }
}

export function organizationsOfIssue(client: JiraClient, issueId: string): Promise<readonly string[] | null> {
  return client.send({
    operation: 'issue-organizations',
    method: 'GET',
    resource: { template: '/rest/api/3/issue/{issueIdOrKey}', issueIdOrKey: issueId },
    query: { fields: ORGANIZATIONS_FIELD },
    idempotent: true,
    parse: (body): readonly string[] => {
      const organizations = IssueOrganizationsSchema.parse(body).fields?.[ORGANIZATIONS_FIELD] ?? [];
      return [...new Set(organizations.map((organization) => String(organization.id)))];
    },
    countObjects: () => 1,
    onNotFound: () => null,
  });
}

export function organizationsOfCustomer(client: JiraClient, accountId: string): Promise<readonly JsmOrganization[]> {
  return allPages(client, 'customer-organizations', { template: '/rest/servicedeskapi/organization' }, { accountId }, OrganizationPageSchema);
}

/** The service desk of the project (its Jira id); undefined when it is not a service project. */
async function serviceDeskOf(client: JiraClient, projectId: string): Promise<{ readonly id: string } | undefined> {
  const desks = await allPages(client, 'service-desks', { template: '/rest/servicedeskapi/servicedesk' }, {}, ServiceDeskPageSchema);
  return desks.find((candidate) => candidate.projectId === projectId);
}

const RequestTypePageSchema = z.object({
  start: z.int().min(0),
  isLastPage: z.boolean(),
  values: z.array(z.object({ id: z.string(), name: z.string() })),
}) satisfies z.ZodType<Pick<PagedRequestType, 'isLastPage'> & { start: number; values: { id: string; name: string }[] }>;

/** The request types of the project's service desk; null when it is not a service project. */
export async function projectRequestTypes(client: JiraClient, projectId: string): Promise<readonly { id: string; name: string }[] | null> {
  const desk = await serviceDeskOf(client, projectId);
  if (!desk) return null;
  return allPages(client, 'request-types', { template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype', serviceDeskId: desk.id }, {}, RequestTypePageSchema);
}

export async function projectOrganizations(client: JiraClient, projectId: string): Promise<readonly JsmOrganization[] | null> {
  const desk = await serviceDeskOf(client, projectId);
  if (!desk) return null;
  return allPages(
    client,
    'service-desk-organizations',
    { template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/organization', serviceDeskId: desk.id },
    {},
    OrganizationPageSchema,
  );
}

export function customerCanViewRequest(client: JiraClient, issueIdOrKey: string): Promise<boolean> {
  return client.send({
    operation: 'customer-request',
    method: 'GET',
    resource: { template: '/rest/servicedeskapi/request/{issueIdOrKey}', issueIdOrKey },
    idempotent: true,
    parse: (body) => CustomerRequestSchema.safeParse(body).success,
    countObjects: () => 1,
    onNotFound: () => false,
  });
}
