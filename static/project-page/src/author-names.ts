import type { InvoicedStatement } from '@ledger/types';
import { fetchPeopleNames } from '../../shared/api/people-names';

/** The display name of everyone whose work a statement lists, its lines and late adjustments alike. */
export function authorNamesOf(statement: InvoicedStatement): Promise<ReadonlyMap<string, string>> {
  const authors = [...statement.lines, ...statement.lateAdjustments].map((line) => line.authorAccountId);
  return fetchPeopleNames(authors.filter((accountId): accountId is string => accountId !== null));
}
