import * as z from 'zod';

/** What a screen may ask to be named at once: a page of lines rarely has more authors than this. */
export const PEOPLE_NAMES_MAX = 100;

/** Atlassian account ids: letters, digits, `:` and `-`, at most 128 characters (Jira's documented maximum). */
export const accountIdSchema = z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, { error: 'must be an Atlassian account id' });

export const personNameSchema = z.object({
  accountId: z.string(),
  /** Jira's display name; "Former user" when Jira knows no such account (deleted, or never one). */
  displayName: z.string(),
  /** False for an account Jira does not know: screens show "Former user", never the id. */
  known: z.boolean(),
  /** Jira's small (24 px) avatar of the account, when it gives one at an address a frame may load; else null. */
  avatarUrl: z.string().nullable(),
});

export const peopleContract = {
  /** Display names of the accounts, in the order asked, as the caller sees them in Jira. */
  'people/names': {
    payload: z.strictObject({ accountIds: z.array(accountIdSchema).min(1).max(PEOPLE_NAMES_MAX) }),
    result: z.object({ people: z.array(personNameSchema) }),
  },
} as const;

export type PersonName = z.infer<typeof personNameSchema>;
