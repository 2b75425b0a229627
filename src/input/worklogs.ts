import * as z from 'zod';
import type { JiraWorklog } from '../ledger/types';
import { identifierSchema, jiraTimestampSchema, secondsSchema } from './fields';
import { IDENTIFIER_MAX_LENGTH } from './limits';
import { type InputResult, parseDocument } from './result';

/** Fields Jira sends that the ledger does not read: accepted, not checked, dropped. */
const ignored = z.unknown().optional();

const jiraUserSchema = z
  .strictObject({
    accountId: identifierSchema,
    displayName: z.string().max(IDENTIFIER_MAX_LENGTH, { error: `must be at most ${IDENTIFIER_MAX_LENGTH} characters` }).optional(),
    accountType: ignored,
    active: ignored,
    avatarUrls: ignored,
    emailAddress: ignored,
    key: ignored,
    name: ignored,
    self: ignored,
    timeZone: ignored,
  })
  .transform(({ accountId, displayName }) => (displayName === undefined ? { accountId } : { accountId, displayName }));

const jiraWorklogSchema = z
  .strictObject({
    id: identifierSchema,
    issueId: identifierSchema,
    started: jiraTimestampSchema,
    timeSpentSeconds: secondsSchema,
    author: jiraUserSchema.optional(),
    updated: jiraTimestampSchema.optional(),
    self: ignored,
    comment: ignored,
    created: ignored,
    updateAuthor: ignored,
    timeSpent: ignored,
    visibility: ignored,
    properties: ignored,
  })
  .transform(
    ({ id, issueId, started, timeSpentSeconds, author, updated }): JiraWorklog => ({
      id,
      issueId,
      started,
      timeSpentSeconds,
      ...(author === undefined ? {} : { author }),
      ...(updated === undefined ? {} : { updated }),
    }),
  );

const pageOfWorklogsSchema = z
  .strictObject({
    startAt: z.int().min(0),
    maxResults: z.int().min(0),
    total: z.int().min(0),
    worklogs: z.array(jiraWorklogSchema),
  })
  .transform((page) => page.worklogs);

const pagesOfWorklogsSchema = z.array(pageOfWorklogsSchema).transform((pages) => pages.flat());
const plainWorklogsSchema = z.array(jiraWorklogSchema);

/** A worklogs file: Jira's `PageOfWorklogs`, an array of such pages, or a plain array of Jira worklogs. */
export const worklogInputSchema = z.union([pageOfWorklogsSchema, pagesOfWorklogsSchema, plainWorklogsSchema]);

function looksLikePage(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'worklogs' in value;
}

/** Picks the one shape the document is trying to be, so its errors speak about that shape rather than all three. */
function shapeOf(document: unknown) {
  if (!Array.isArray(document)) return pageOfWorklogsSchema;
  return document.some(looksLikePage) ? pagesOfWorklogsSchema : plainWorklogsSchema;
}

export function parseWorklogs(document: unknown): InputResult<JiraWorklog[]> {
  return parseDocument(shapeOf(document), document);
}

/** A worklogs file as written, with Jira's extra fields. */
export type WorklogsDocument = z.input<typeof worklogInputSchema>;
