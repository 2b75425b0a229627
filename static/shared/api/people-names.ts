import { PEOPLE_NAMES_MAX, type PersonName } from '@contract/index';
import { callResolver } from './call-resolver';

/** What a screen shows for a person: the name, and the avatar beside it when Jira gives one. */
export type Person = Pick<PersonName, 'displayName' | 'avatarUrl'>;

/** People already read in this frame: a page shows the same people in several tables. */
const peopleRead = new Map<string, Person>();

/** Thrown when the server could not name people: an export must not go out with ids or wrong names in it. */
export class PeopleNamesUnavailable extends Error {}

/**
 * The accounts as Jira shows them (or "Former user" for an account it does not know), a hundred a call, each
 * account asked for at most once per frame.
 */
export async function fetchPeople(accountIds: Iterable<string>): Promise<ReadonlyMap<string, Person>> {
  const asked = [...new Set(accountIds)];
  const unread = asked.filter((accountId) => !peopleRead.has(accountId));
  for (let first = 0; first < unread.length; first += PEOPLE_NAMES_MAX) {
    const outcome = await callResolver('people/names', { accountIds: unread.slice(first, first + PEOPLE_NAMES_MAX) });
    if (!outcome.ok) throw new PeopleNamesUnavailable(`People's names could not be read: ${outcome.error.message}`);
    for (const { accountId, displayName, avatarUrl } of outcome.data.people) peopleRead.set(accountId, { displayName, avatarUrl });
  }
  return new Map(asked.flatMap((accountId) => {
    const person = peopleRead.get(accountId);
    return person === undefined ? [] : [[accountId, person] as const];
  }));
}

/** Display names only, for what is printed or exported (no avatars there). */
export async function fetchPeopleNames(accountIds: Iterable<string>): Promise<ReadonlyMap<string, string>> {
  const asked = [...new Set(accountIds)];
  const people = await fetchPeople(asked);
  return new Map(asked.map((accountId) => [accountId, people.get(accountId)?.displayName ?? '']));
}
