import type { PersonName } from '../../contract';
import type { Clock } from '../ports/clock';
import type { JiraPerson, PeopleDirectory } from '../ports/jira';

/** What a screen shows for an account Jira does not know (deleted, or never one): never the raw id. */
export const FORMER_USER = 'Former user';

/** Names change rarely and a page shows the same people again and again; ten minutes keeps Jira calls few and renames visible soon. */
export const PEOPLE_NAMES_TTL_MS = 10 * 60_000;

/** Bounds the cache of a long-lived function instance. */
const CACHED_PEOPLE_MAX = 5_000;

interface Cached {
  readonly name: PersonName;
  readonly until: number;
}

/**
 * Display names by account id, through Jira as the caller, cached for a short while per function instance. Display
 * names are what Jira shows any user who may use it, so one cache serves every caller; an id Jira does not know is
 * cached too, as "Former user", so a statement full of departed people costs no more calls than one of current staff.
 */
export class PeopleNames {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly clock: Clock) {}

  async namesOf(directory: PeopleDirectory, accountIds: readonly string[]): Promise<PersonName[]> {
    const now = this.clock.now();
    const missing = [...new Set(accountIds)].filter((accountId) => (this.cache.get(accountId)?.until ?? 0) <= now);
    if (missing.length > 0) this.remember(missing, await directory.peopleByAccountId(missing), now);
    return accountIds.map((accountId) => this.cache.get(accountId)?.name ?? formerUser(accountId));
  }

  private remember(asked: readonly string[], found: readonly JiraPerson[], now: number): void {
    const byId = new Map(found.map((person) => [person.accountId, person]));
    for (const accountId of asked) {
      const person = byId.get(accountId);
      const name = person === undefined || person.displayName === '' ? formerUser(accountId) : { accountId, displayName: person.displayName, known: true, avatarUrl: person.avatarUrl };
      this.cache.delete(accountId);
      this.cache.set(accountId, { name, until: now + PEOPLE_NAMES_TTL_MS });
    }
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= CACHED_PEOPLE_MAX) break;
      this.cache.delete(oldest);
    }
  }
}

function formerUser(accountId: string): PersonName {
  return { accountId, displayName: FORMER_USER, known: false, avatarUrl: null };
}
