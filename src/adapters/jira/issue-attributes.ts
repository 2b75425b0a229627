/**
 * An issue's priority, issue type and request type, now and over time (decision 0058): read from a search's fields
 * and its embedded changelog (`expand: 'changelog'`), and from `GET /issue/{id}/changelog` only for an issue whose
 * changelog is longer than what the search embedded.
 */
import * as z from 'zod';
import type { Changelog, PageChangelog } from 'jira.js/version3/models';
import type { AttributeChange, AttributeField } from '../../app/aggregates/attribute-history';
import { parseJiraInstant } from '../../ledger/parse-jira-instant';
import type { IssueAttributes } from '../../ledger/types';
import type { JiraClient } from './jira-client';

/**
 * The id of Jira Service Management's Request Type field ("Customer Request Type"). Like the Organizations field its
 * number differs between sites; `customfield_10010` is what Cloud sites show, and the app assumes it here and nowhere
 * else. Its changelog items name the request type id in `from` and `to`.
 */
export const REQUEST_TYPE_FIELD = 'customfield_10010';

/** The fields a search asks for to know an issue's attributes now. */
export const ATTRIBUTE_SEARCH_FIELDS = ['priority', 'issuetype', REQUEST_TYPE_FIELD] as const;

const FIELD_OF_CHANGE: Readonly<Record<string, AttributeField>> = { priority: 'priority', issuetype: 'issueType', [REQUEST_TYPE_FIELD]: 'requestType' };

const idValue = z.object({ id: z.string() }).nullish();

export const AttributeFieldsSchema = z.object({
  priority: idValue,
  issuetype: idValue,
  [REQUEST_TYPE_FIELD]: z.object({ requestType: z.object({ id: z.string() }) }).nullish(),
});

const ChangelogEntrySchema = z.object({
  created: z.string(),
  items: z.array(z.object({ fieldId: z.string().optional(), from: z.string().nullish(), to: z.string().nullish() })),
}) satisfies z.ZodType<Pick<Changelog, 'created'> & { items: { fieldId?: string; from?: string | null; to?: string | null }[] }>;

export const EmbeddedChangelogSchema = z.object({ total: z.number().int(), histories: z.array(ChangelogEntrySchema) });

const ChangelogPageSchema = z.object({
  values: z.array(ChangelogEntrySchema),
  total: z.number().int(),
  isLast: z.boolean().optional(),
}) satisfies z.ZodType<Pick<PageChangelog, 'total' | 'isLast'> & { values: z.infer<typeof ChangelogEntrySchema>[] }>;

type ChangelogEntry = z.infer<typeof ChangelogEntrySchema>;

/** The attributes a search or an event shows for the issue now. */
export function attributesNowOf(fields: z.infer<typeof AttributeFieldsSchema>): IssueAttributes {
  const requestType = fields[REQUEST_TYPE_FIELD]?.requestType.id;
  return {
    ...(fields.priority ? { priority: fields.priority.id } : {}),
    ...(fields.issuetype ? { issueType: fields.issuetype.id } : {}),
    ...(requestType === undefined ? {} : { requestType }),
  };
}

type ChangeItem = ChangelogEntry['items'][number];

/** A change of an attribute as an edit's item tells it, without the instant the edit was made at. */
export type AttributeEdit = Omit<AttributeChange, 'at'>;

/** The changes of the attributes in changelog entries; every other field's changes are left out. */
export function attributeChangesOf(entries: readonly ChangelogEntry[]): AttributeChange[] {
  return entries.flatMap((entry) => madeAt(parseJiraInstant(entry.created, 'changelog.created'), attributeEditsOf(entry.items)));
}

/** The changes of the attributes among one edit's items (a changelog entry, an issue event); every other field's are left out. */
export function attributeEditsOf(items: readonly ChangeItem[]): AttributeEdit[] {
  return items.flatMap((item) => {
    const field = item.fieldId === undefined ? undefined : FIELD_OF_CHANGE[item.fieldId];
    return field === undefined ? [] : [{ field, from: item.from ?? null, to: item.to ?? null }];
  });
}

/** One edit's changes, made at `at`. */
export function madeAt(at: number, edits: readonly AttributeEdit[]): AttributeChange[] {
  return edits.map((edit) => ({ ...edit, at }));
}

/**
 * The changes of the issue's attributes: from the changelog the search embedded when it is whole, else from the
 * issue's changelog read page by page (100 a page).
 */
export async function attributeChangesOfIssue(client: JiraClient, issueId: string, embedded: z.infer<typeof EmbeddedChangelogSchema> | undefined): Promise<AttributeChange[]> {
  const entries = embedded !== undefined && embedded.histories.length >= embedded.total ? embedded.histories : await readChangelog(client, issueId);
  return attributeChangesOf(entries);
}

async function readChangelog(client: JiraClient, issueIdOrKey: string): Promise<ChangelogEntry[]> {
  const entries: ChangelogEntry[] = [];
  for (;;) {
    const page = await client.send({
      operation: 'issue-changelog',
      method: 'GET',
      resource: { template: '/rest/api/3/issue/{issueIdOrKey}/changelog', issueIdOrKey },
      query: { startAt: String(entries.length), maxResults: '100' },
      idempotent: true,
      parse: (body) => ChangelogPageSchema.parse(body),
      countObjects: (result) => result.values.length,
    });
    entries.push(...page.values);
    if (page.values.length === 0 || page.isLast === true || entries.length >= page.total) return entries;
  }
}
