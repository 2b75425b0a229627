import { MemoryStore } from '../../adapters/storage/memory-store';
import { notAllowed, type UseCaseOutcome } from '../../app/refusal';
import type { Store } from '../../app/ports/store';
import { READS_BEFORE_ACCESS, readBesideAccess } from './reads-beside-access';

interface PendingAccess {
  readonly promise: Promise<UseCaseOutcome<string>>;
  allow(): void;
  refuse(): void;
  fail(error: Error): void;
}

function pendingAccess(): PendingAccess {
  let settle: { resolve: (outcome: UseCaseOutcome<string>) => void; reject: (error: Error) => void } | undefined;
  const promise = new Promise<UseCaseOutcome<string>>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const handle = () => {
    if (settle === undefined) throw new Error('the promise executor runs at once');
    return settle;
  };
  return {
    promise,
    allow: () => handle().resolve({ ok: true, data: 'granted' }),
    refuse: () => handle().resolve(notAllowed({ what: 'browse-project' })),
    fail: (error) => handle().reject(error),
  };
}

/** `readBesideAccess` for a use case that needs the store alone. */
function besideAccess<Answer>(store: Store, access: Promise<UseCaseOutcome<string>>, useCase: (store: Store) => Promise<Answer>) {
  return readBesideAccess({ store }, access, (ports) => useCase(ports.store));
}

/** Lets every promise that can settle now settle. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

async function storeWithKeys(count: number): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (let index = 0; index < count; index += 1) await store.set(`key:${index}`, index);
  return store;
}

/** Reads `key:0`, `key:1`, … one after another, noting how many were answered. */
function readInTurn(count: number, answered: number[]): (store: Store) => Promise<number> {
  return async (store) => {
    for (let index = 0; index < count; index += 1) {
      await store.get(`key:${index}`);
      answered.push(index);
    }
    return answered.length;
  };
}

describe('readBesideAccess', () => {
  it('answers the first reads while the permission call is under way, and the rest once the caller is allowed', async () => {
    const store = await storeWithKeys(READS_BEFORE_ACCESS + 2);
    const access = pendingAccess();
    const answered: number[] = [];
    const read = besideAccess(store, access.promise, readInTurn(READS_BEFORE_ACCESS + 2, answered));
    await settled();
    expect(answered).toHaveLength(READS_BEFORE_ACCESS);
    access.allow();
    await expect(read).resolves.toEqual({ ok: true, data: { granted: 'granted', answer: READS_BEFORE_ACCESS + 2 } });
  });

  it('counts a page of a list as one of those reads', async () => {
    const store = await storeWithKeys(READS_BEFORE_ACCESS);
    const access = pendingAccess();
    const pages: number[] = [];
    const read = besideAccess(store, access.promise, async (held) => {
      for (let index = 0; index <= READS_BEFORE_ACCESS; index += 1) pages.push((await held.listByPrefix('key:')).entries.length);
      return pages;
    });
    await settled();
    expect(pages).toEqual(Array.from({ length: READS_BEFORE_ACCESS }, () => READS_BEFORE_ACCESS));
    access.allow();
    await expect(read).resolves.toMatchObject({ ok: true, data: { answer: Array.from({ length: READS_BEFORE_ACCESS + 1 }, () => READS_BEFORE_ACCESS) } });
  });

  it.each<[string, (store: Store) => Promise<unknown>]>([
    ['set', (store) => store.set('written', 1)],
    ['update', (store) => store.update('written', () => 1)],
    ['transact', (store) => store.transact([{ set: { key: 'written', value: 1 } }])],
  ])('holds a write (%s) until the caller is allowed', async (_name, write) => {
    const store = new MemoryStore();
    const access = pendingAccess();
    const read = besideAccess(store, access.promise, write);
    await settled();
    expect(await store.get('written')).toBeUndefined();
    access.allow();
    await read;
    expect(await store.get('written')).toBe(1);
  });

  it('holds a delete until the caller is allowed', async () => {
    const store = await storeWithKeys(1);
    const access = pendingAccess();
    const read = besideAccess(store, access.promise, (held) => held.delete('key:0'));
    await settled();
    expect(await store.get('key:0')).toBe(0);
    access.allow();
    await read;
    expect(await store.get('key:0')).toBeUndefined();
  });

  it('answers a refused caller the refusal, never writes for them, and drops what the use case read or threw', async () => {
    const store = await storeWithKeys(READS_BEFORE_ACCESS + 1);
    const access = pendingAccess();
    const read = besideAccess(store, access.promise, async (held) => {
      await held.get('key:0');
      await held.set('written', 1);
      throw new Error('a stored record did not parse');
    });
    access.refuse();
    await expect(read).resolves.toEqual(notAllowed({ what: 'browse-project' }));
    await settled();
    expect(await store.get('written')).toBeUndefined();
  });

  it('costs a refused caller no more than the reads allowed before access, however many the use case asks for', async () => {
    const store = await storeWithKeys(READS_BEFORE_ACCESS * 2);
    const before = store.usage().reads;
    const access = pendingAccess();
    const answered: number[] = [];
    const read = besideAccess(store, access.promise, readInTurn(READS_BEFORE_ACCESS * 2, answered));
    await settled();
    access.refuse();
    await read;
    await settled();
    expect(answered).toHaveLength(READS_BEFORE_ACCESS);
    expect(store.usage().reads - before).toBe(READS_BEFORE_ACCESS);
  });

  it("fails with the permission call's failure, not the use case's, and writes nothing", async () => {
    const store = new MemoryStore();
    const access = pendingAccess();
    const read = besideAccess(store, access.promise, async (held) => {
      await held.set('written', 1);
      throw new Error('the use case failed');
    });
    access.fail(new Error('Jira answered 503'));
    await expect(read).rejects.toThrow('Jira answered 503');
    await settled();
    expect(await store.get('written')).toBeUndefined();
  });

  it("fails with the use case's failure when the caller is allowed", async () => {
    const access = pendingAccess();
    const read = besideAccess(new MemoryStore(), access.promise, () => Promise.reject(new Error('a stored record did not parse')));
    access.allow();
    await expect(read).rejects.toThrow('a stored record did not parse');
  });
});
