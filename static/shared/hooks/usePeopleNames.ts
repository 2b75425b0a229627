import { useEffect, useState } from 'react';
import { fetchPeopleNames } from '../api/people-names';

/** Shown until the names arrive, or if they cannot be read: never the raw account id. */
const PENDING = '…';

/**
 * A person's display name by account id, for the ids a table shows; the names load after the table and fill in.
 *
 * @returns the name of an account, `PENDING` while it loads, '' for no account (work without an author)
 */
export function usePeopleNames(accountIds: readonly (string | null)[]): (accountId: string | null) => string {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const wanted = [...new Set(accountIds.filter((accountId): accountId is string => accountId !== null))].sort();
  const wantedKey = wanted.join('\n');
  useEffect(() => {
    if (wanted.length === 0) return;
    let current = true;
    fetchPeopleNames(wanted).then(
      (read) => {
        if (current) setNames(read);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
    // The ids are compared by value through their joined text.
  }, [wantedKey]);
  return (accountId) => (accountId === null ? '' : names.get(accountId) ?? PENDING);
}
