import { entryChunksPrefix, figuresHeadKey, figuresPrefix } from '../../src/app/figures/figures-keys';
import { figuresHeadOf } from '../../src/app/figures/figures-records';
import { refreshPlanFigures, type FiguresDeps } from '../../src/app/figures/refresh-plan-figures';
import { chunksNamedBy } from '../../src/app/figures/statement-sources';
import { listAll } from '../../src/app/plans/list-all';
import { toJsonValue } from '../../src/app/plans/to-json-value';
import type { Store } from '../../src/app/ports/store';
import { canonicalJson } from '../../src/ledger/canonical-json';
import { storeOverriding } from '../support/store-overriding';

/** Refreshes the plan's figures now, outside the queue: its head takes the figures and keeps any request as it is. */
export function refreshNow(deps: FiguresDeps, internalId: string): Promise<boolean> {
  return refreshPlanFigures(deps, internalId, async (refreshed) => {
    await deps.store.update(figuresHeadKey(internalId), (current) => toJsonValue({ ...figuresHeadOf(current), refreshed }));
  });
}

/** `store`, recording every write it is asked for into `writes`. */
function watchedStore(store: Store, writes: unknown[]): Store {
  const recording = <Result>(write: unknown[], run: () => Result): Result => {
    writes.push(write);
    return run();
  };
  return storeOverriding(store, {
    set: (key, value) => recording(['set', key, value], () => store.set(key, value)),
    delete: (key) => recording(['delete', key], () => store.delete(key)),
    transact: (operations) => recording(['transact', operations], () => store.transact(operations)),
    update: (key, updater, options) => recording(['update', key], () => store.update(key, updater, options)),
  });
}

/**
 * What a refresh of worklog events' issues only must leave: a full refresh at the same instant finds every record
 * as it would store it (it writes and deletes nothing, and its head is the one stored), and every entry chunk
 * stored is one a statement source names.
 */
export async function expectFullRefreshFindsStored(deps: FiguresDeps, internalId: string): Promise<void> {
  const writes: unknown[] = [];
  const heads: unknown[] = [];
  await refreshPlanFigures({ store: watchedStore(deps.store, writes), clock: deps.clock }, internalId, async (refreshed) => {
    heads.push(refreshed);
  });
  expect(writes).toEqual([]);
  const { refreshed } = figuresHeadOf(await deps.store.get(figuresHeadKey(internalId)));
  expect(heads.map((head) => canonicalJson(head))).toEqual([canonicalJson(refreshed)]);
  const records = new Map((await listAll(deps.store, figuresPrefix(internalId))).map((entry) => [entry.key, entry.value]));
  const chunks = (await listAll(deps.store, entryChunksPrefix(internalId))).map((entry) => entry.key);
  expect(chunks.sort()).toEqual([...chunksNamedBy(internalId, records)].sort());
}
