import * as z from 'zod';
import type { JiraPerson } from '../../app/ports/jira';
import type { JiraClient } from './jira-client';

/**
 * Account ids a call asks for, and the page it asks for: Jira documents no cap for `GET /user/bulk`, and its
 * published example pages at 100 (an assumption, kept here only; docs/jira-simulator.md).
 */
const PEOPLE_PER_CALL = 100;

/** Jira's `AvatarUrlsBean`: the same picture at four sizes. */
const AvatarUrlsSchema = z.object({ '24x24': z.string().optional(), '32x32': z.string().optional() });

const PersonSchema = z
  .object({ accountId: z.string(), displayName: z.string().default(''), active: z.boolean().default(true), avatarUrls: AvatarUrlsSchema.optional() })
  .transform(({ avatarUrls, ...person }) => ({ ...person, avatarUrl: safeAvatarUrl(avatarUrls?.['24x24'] ?? avatarUrls?.['32x32']) }));

/** The simulator's generated avatars come inline, as no network reaches it from the preview's frames. */
const INLINE_SVG_AVATAR = 'data:image/svg+xml;base64,';

/**
 * The avatar's address when a frame may load it: https only (Jira's avatar hosts, which the manifest lets the frames
 * load), or an inline SVG, which an `<img>` renders without running anything. Anything else is dropped, not shown.
 */
export function safeAvatarUrl(url: string | undefined): string | null {
  if (url === undefined) return null;
  if (url.startsWith(INLINE_SVG_AVATAR)) return url;
  return URL.canParse(url) && new URL(url).protocol === 'https:' ? url : null;
}

const PeoplePageSchema = z.object({
  values: z.array(PersonSchema),
  isLast: z.boolean().optional(),
  startAt: z.int().min(0),
});

/** The people Jira knows among the ids, a hundred ids a call; pages on when Jira answers fewer than it was asked for. */
export async function peopleByAccountId(client: JiraClient, accountIds: readonly string[]): Promise<JiraPerson[]> {
  const unique = [...new Set(accountIds)];
  const found: JiraPerson[] = [];
  for (let first = 0; first < unique.length; first += PEOPLE_PER_CALL) {
    const accountId = unique.slice(first, first + PEOPLE_PER_CALL);
    for (let startAt = 0; ; ) {
      const page = await client.send({
        operation: 'people',
        method: 'GET',
        resource: { template: '/rest/api/3/user/bulk' },
        query: { accountId, startAt: String(startAt), maxResults: String(PEOPLE_PER_CALL) },
        idempotent: true,
        parse: (body) => PeoplePageSchema.parse(body),
        countObjects: (answer) => answer.values.length,
      });
      found.push(...page.values);
      if (page.isLast !== false || page.values.length === 0) break;
      startAt = page.startAt + page.values.length;
    }
  }
  return found;
}
