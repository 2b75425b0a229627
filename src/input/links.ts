import * as z from 'zod';
import type { IssueLink } from '../ledger/types';
import { parseJiraInstant } from '../ledger/parse-jira-instant';
import { identifierSchema, identifierUpTo, jiraTimestampSchema } from './fields';
import { ISSUE_SUMMARY_MAX_LENGTH, MAX_ISSUE_ATTRIBUTE_CHANGES, MULTIPLIER_VALUE_MAX_LENGTH } from './limits';
import { type InputIssue, type InputResult, issueAt, parseDocument } from './result';

const attributeValueSchema = identifierUpTo(MULTIPLIER_VALUE_MAX_LENGTH);

const timedAttributesSchema = z.strictObject({
  since: jiraTimestampSchema
    .transform((text) => parseJiraInstant(text, 'since'))
    .describe('From when these values held, e.g. "2026-10-05T09:00:00.000+0200".'),
  priority: attributeValueSchema.optional().describe('The issue\'s priority, as the plan\'s priority rules name it.'),
  issueType: attributeValueSchema.optional().describe('The issue\'s type, as the plan\'s issue-type rules name it.'),
  requestType: attributeValueSchema.optional().describe('The issue\'s request type, as the plan\'s request-type rules name it.'),
});

const attributesSchema = z
  .array(timedAttributesSchema)
  .max(MAX_ISSUE_ATTRIBUTE_CHANGES, { error: `must have at most ${MAX_ISSUE_ATTRIBUTE_CHANGES} entries` })
  .superRefine((entries, context) => {
    entries.forEach((entry, index) => {
      const previous = entries[index - 1];
      if (previous !== undefined && entry.since <= previous.since) {
        context.addIssue({ code: 'custom', path: [index, 'since'], message: `must be later than [${index - 1}].since: list the values oldest first` });
      }
    });
  })
  .describe('The issue\'s priority, type and request type over time, oldest first: a worklog is priced by those in force when it started (the first entry before then).');

const issueLinkSchema = z.strictObject({
  issueId: identifierSchema.describe('Jira issue id, e.g. "10001".'),
  issueKey: identifierSchema.optional().describe('Shown on statements when present, e.g. "SUP-12".'),
  issueSummary: z.string().max(ISSUE_SUMMARY_MAX_LENGTH, { error: `must be at most ${ISSUE_SUMMARY_MAX_LENGTH} characters` }).optional().describe('Shown on statement exports when present, e.g. "Printer offline".'),
  planId: identifierSchema,
  billingClass: z.enum(['covered', 'extra', 'non-billable']),
  attributes: attributesSchema.optional(),
});

/** A links file: which issue's work goes to which plan, and how it is billed. One link per issue. */
export const issueLinksSchema = z.array(issueLinkSchema).superRefine((links, context) => {
  const firstIndexByIssue = new Map<string, number>();
  links.forEach((link, index) => {
    const firstIndex = firstIndexByIssue.get(link.issueId);
    if (firstIndex === undefined) firstIndexByIssue.set(link.issueId, index);
    else context.addIssue({ code: 'custom', path: [index, 'issueId'], message: `links the same issue as [${firstIndex}]` });
  });
});

function linksToOtherPlans(document: unknown, links: readonly IssueLink[], planId: string): InputIssue[] {
  return links.flatMap((link, index) =>
    link.planId === planId
      ? []
      : [issueAt(document, [index, 'planId'], `names plan ${JSON.stringify(link.planId)}, but the plan is ${JSON.stringify(planId)}`)],
  );
}

export interface ParseLinksOptions {
  /** When given, every link must name this plan. */
  readonly planId?: string;
}

export function parseLinks(document: unknown, options: ParseLinksOptions = {}): InputResult<IssueLink[]> {
  const parsed = parseDocument(issueLinksSchema, document);
  if (!parsed.ok || options.planId === undefined) return parsed;
  const issues = linksToOtherPlans(document, parsed.value, options.planId);
  return issues.length === 0 ? parsed : { ok: false, issues };
}

export type IssueLinksDocument = z.input<typeof issueLinksSchema>;
