import * as z from 'zod';

/** Readers for the simulator's JSON answers in tests: parsed, not cast. */

export const worklogBody = z.object({
  id: z.string(),
  issueId: z.string(),
  started: z.string(),
  timeSpentSeconds: z.number(),
  author: z.object({ accountId: z.string() }),
  updateAuthor: z.object({ accountId: z.string() }),
  created: z.string(),
  updated: z.string(),
});

export const worklogPage = z.object({ startAt: z.number(), maxResults: z.number(), total: z.number(), worklogs: z.array(worklogBody) });

export const searchPage = z.object({
  issues: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      fields: z.object({ worklog: worklogPage.optional() }).loose().optional(),
      properties: z.record(z.string(), z.unknown()).optional(),
    }).loose(),
  ),
  isLast: z.boolean(),
  nextPageToken: z.string().optional(),
});

export const changedWorklogs = z.object({
  values: z.array(z.object({ worklogId: z.number(), updatedTime: z.number() })),
  since: z.number(),
  until: z.number(),
  self: z.string(),
  nextPage: z.string(),
  lastPage: z.boolean(),
});

export const errorBody = z.object({ errorMessages: z.array(z.string()), errors: z.record(z.string(), z.string()) });
