/**
 * A read-only use case run while the caller's permission call is under way, so that on Forge their
 * round trips overlap instead of following one another (decision 0075): the panel's four reads no
 * longer wait for Jira's answer first.
 *
 * The use case sees a store that answers its first few reads (a key, or one page of a list) at once and
 * holds everything else (further reads, every write) until Jira has allowed the caller. A refused
 * caller gets the refusal and nothing of what the use case read, found or failed with, and costs at
 * most those few reads.
 */
import type { UseCaseOutcome } from '../../app/refusal';
import type { JsonValue, ListOptions, Store, StorePage, TransactOperation, UpdateOptions, Updater, VersionedValue } from '../../app/ports/store';

/** Reads (a key, or a page of a list) a use case may make before the caller is known to be allowed: the panel's four, with room for one more. */
export const READS_BEFORE_ACCESS = 5;

/** What the held operations of a refused caller's use case fail with; nobody sees it, the refusal is answered. */
class CallerNotAllowed extends Error {
  constructor() {
    super('The caller was not allowed: the use case run beside the permission call is dropped.');
    this.name = 'CallerNotAllowed';
  }
}

/** The store the use case sees: a few reads now, the rest once `allowed` resolved true. */
class StoreHeldUntilAllowed implements Store {
  private readsLeft = READS_BEFORE_ACCESS;

  constructor(
    private readonly store: Store,
    private readonly allowed: Promise<boolean>,
  ) {}

  get(key: string): Promise<JsonValue | undefined> {
    return this.read(() => this.store.get(key));
  }

  getVersioned(key: string): Promise<VersionedValue | undefined> {
    return this.read(() => this.store.getVersioned(key));
  }

  async set(key: string, value: JsonValue): Promise<void> {
    await this.untilAllowed();
    return this.store.set(key, value);
  }

  async delete(key: string): Promise<void> {
    await this.untilAllowed();
    return this.store.delete(key);
  }

  listByPrefix(prefix: string, options?: ListOptions): Promise<StorePage> {
    return this.read(() => this.store.listByPrefix(prefix, options));
  }

  async transact(operations: readonly TransactOperation[]): Promise<void> {
    await this.untilAllowed();
    return this.store.transact(operations);
  }

  async update(key: string, updater: Updater, options?: UpdateOptions): Promise<JsonValue | undefined> {
    await this.untilAllowed();
    return this.store.update(key, updater, options);
  }

  private async read<T>(readNow: () => Promise<T>): Promise<T> {
    if (this.readsLeft === 0) await this.untilAllowed();
    else this.readsLeft -= 1;
    return readNow();
  }

  private async untilAllowed(): Promise<void> {
    if (!(await this.allowed)) throw new CallerNotAllowed();
  }
}

/**
 * Starts `useCase` on `ports` whose store is held until `access` allows the caller, and answers its result
 * with what `access` granted; a refusal of `access` (or its failure) is answered instead, whatever `useCase` did.
 */
export async function readBesideAccess<Ports extends { readonly store: Store }, Granted, Answer>(
  ports: Ports,
  access: Promise<UseCaseOutcome<Granted>>,
  useCase: (ports: Ports) => Promise<Answer>,
): Promise<UseCaseOutcome<{ readonly granted: Granted; readonly answer: Answer }>> {
  const allowed = access.then(
    (outcome) => outcome.ok,
    () => false,
  );
  const answer = useCase({ ...ports, store: new StoreHeldUntilAllowed(ports.store, allowed) });
  // Until the caller is known to be allowed, nothing the use case does may surface, not even a rejection.
  answer.catch(() => undefined);
  const outcome = await access;
  return outcome.ok ? { ok: true, data: { granted: outcome.data, answer: await answer } } : outcome;
}
