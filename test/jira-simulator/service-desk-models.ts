import * as z from 'zod';

/**
 * Jira Service Management's answers as jira.js models them: jira.js 6.2.0, `src/serviceDesk/models/` (ServiceDesk,
 * Organization, User, CustomerRequest, Date, PagedLink, ErrorResponse; MIT). Atlassian publishes no JSM OpenAPI
 * document that this project holds, so the simulator's `servicedeskapi` answers are checked against these. Each
 * object is strict: a field jira.js does not list fails the check. Only the members the simulator sends are listed
 * for CustomerRequest (jira.js has more, all optional: participants, SLA, comments…).
 */

const url = z.url();
const date = z.object({ iso8601: z.string(), jira: z.string(), friendly: z.string(), epochMillis: z.number() }).strict();

export const serviceDeskModel = z
  .object({ id: z.string(), projectId: z.string(), projectName: z.string(), projectKey: z.string(), projectTypeKey: z.string().optional(), _links: z.object({ self: url }).strict() })
  .strict();

export const organizationModel = z
  .object({ id: z.string(), name: z.string(), uuid: z.string().optional(), scimManaged: z.boolean().optional(), created: date.optional(), _links: z.object({ self: url }).strict() })
  .strict();

export const userModel = z
  .object({
    accountId: z.string(),
    emailAddress: z.string().optional(),
    displayName: z.string(),
    active: z.boolean(),
    timeZone: z.string().optional(),
    _links: z.object({ jiraRest: url, avatarUrls: z.record(z.string(), z.string()), self: url }).strict(),
  })
  .strict();

export const customerRequestModel = z
  .object({
    _expands: z.array(z.string()),
    issueId: z.string(),
    issueKey: z.string(),
    requestTypeId: z.string(),
    serviceDeskId: z.string(),
    createdDate: date,
    reporter: userModel.optional(),
    requestFieldValues: z.array(z.object({ fieldId: z.string(), label: z.string(), value: z.unknown() }).strict()),
    currentStatus: z.object({ status: z.string(), statusCategory: z.string(), statusDate: date }).strict(),
    _links: z.object({ jiraRest: url, web: url, agent: url, self: url }).strict(),
  })
  .strict();

/** `PagedDTO<T>`. */
export function pageModel<T extends z.ZodType>(item: T) {
  return z
    .object({
      _expands: z.array(z.string()),
      size: z.int().min(0),
      start: z.int().min(0),
      limit: z.int().min(1),
      isLastPage: z.boolean(),
      values: z.array(item),
      _links: z.object({ base: url, context: z.string(), next: url.optional(), prev: url.optional(), self: url }).strict(),
    })
    .strict();
}

export const errorResponseModel = z
  .object({ errorMessage: z.string(), i18nErrorMessage: z.object({ i18nKey: z.string(), parameters: z.array(z.string()) }).strict() })
  .strict();
