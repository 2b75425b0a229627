import { PEOPLE_NAMES_MAX } from '@contract/index';
import { callResolver } from './call-resolver';

/** Names already read in this frame: a page shows the same people in several tables. */
const namesRead = new Map<string, string>();

/** Thrown when the server could not name people: an export must not go out with ids or wrong names in it. */
export class PeopleNamesUnavailable extends Error {}

/**
 * Display names of the accounts (Jira's, or "Former user" for an account it does not know), a hundred a call, each
 * account asked for at most once per frame.
 */
export async function fetchPeopleNames(accountIds: Iterable<string>): Promise<ReadonlyMap<string, string>> {
  const asked = [...new Set(accountIds)];
  const unread = asked.filter((accountId) => !namesRead.has(accountId));
  for (let first = 0; first < unread.length; first += PEOPLE_NAMES_MAX) {
    const outcome = await callResolver('people/names', { accountIds: unread.slice(first, first + PEOPLE_NAMES_MAX) });
    if (!outcome.ok) throw new PeopleNamesUnavailable(`People's names could not be read: ${outcome.error.message}`);
    for (const person of outcome.data.people) namesRead.set(person.accountId, person.displayName);
  }
  return new Map(asked.map((accountId) => [accountId, namesRead.get(accountId) ?? '']));
}
