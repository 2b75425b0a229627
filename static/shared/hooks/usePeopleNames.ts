import { useEffect, useState } from 'react';
import { fetchPeople, type Person } from '../api/people-names';

/** Shown until the names arrive, or if they cannot be read: never the raw account id. */
const PENDING: Person = { displayName: '…', avatarUrl: null };

/** Work without an author. */
const NOBODY: Person = { displayName: '', avatarUrl: null };

/**
 * A person by account id, for the ids a table shows; the names load after the table and fill in.
 *
 * @returns the person of an account, `PENDING` while it loads, a blank one for no account (work without an author)
 */
export function usePeople(accountIds: readonly (string | null)[]): (accountId: string | null) => Person {
  const [people, setPeople] = useState<ReadonlyMap<string, Person>>(new Map());
  const wanted = [...new Set(accountIds.filter((accountId): accountId is string => accountId !== null))].sort();
  const wantedKey = wanted.join('\n');
  useEffect(() => {
    if (wanted.length === 0) return;
    let current = true;
    fetchPeople(wanted).then(
      (read) => {
        if (current) setPeople(read);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
    // The ids are compared by value through their joined text.
  }, [wantedKey]);
  return (accountId) => (accountId === null ? NOBODY : people.get(accountId) ?? PENDING);
}

/**
 * A person's display name by account id, where a screen shows names without avatars.
 *
 * @returns the name of an account, '…' while it loads, '' for no account (work without an author)
 */
export function usePeopleNames(accountIds: readonly (string | null)[]): (accountId: string | null) => string {
  const personOf = usePeople(accountIds);
  return (accountId) => personOf(accountId).displayName;
}
