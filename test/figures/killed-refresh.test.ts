/**
 * A figures refresh killed between its writes leaves no entry chunk that no statement source names: the next refresh
 * finds the chunks the killed one was writing or deleting in its earlier-work record, and deletes those its own
 * sources do not name (store-refresh.ts).
 */
import { entryChunksPrefix, statementSourcePrefix } from '../../src/app/figures/figures-keys';
import { requestFiguresRefresh } from '../../src/app/figures/request-figures-refresh';
import { runFiguresRefresh } from '../../src/app/figures/run-figures-refresh';
import type { TransactOperation } from '../../src/app/ports/store';
import { storeOverriding } from '../support/store-overriding';
import { GOLD_ISSUES, startGoldSite, type SyncSite } from '../sync/sync-site';
import { expectFullRefreshFindsStored } from './refresh-now';

const REFRESH = { kind: 'refresh-figures', planId: 'gold' } as const;
const OCTOBER = '2026-10-01T09:00:00.000+0200';

/** The refresh's transactions, as they reach the store: the first that `kills` rejects, as if the function died there. */
type Kill = (operations: readonly TransactOperation[]) => boolean;

const writesSource: Kill = (operations) => operations.some((operation) => 'set' in operation && operation.set.key.startsWith(statementSourcePrefix('gold')));
const deletesChunk: Kill = (operations) => operations.some((operation) => 'delete' in operation && operation.delete.key.startsWith(entryChunksPrefix('gold')));

/** Runs the refresh the site's request asks for, killed at the first transaction `kill` picks. */
async function refreshKilled(site: SyncSite, kill: Kill): Promise<void> {
  await site.simulator.idle();
  const { store } = site.deps;
  const dying = storeOverriding(store, {
    transact: (operations) => (kill(operations) ? Promise.reject(new Error('killed (injected)')) : store.transact(operations)),
  });
  await expect(runFiguresRefresh({ ...site.deps, store: dying }, REFRESH)).rejects.toThrow('killed (injected)');
}

/** A site whose figures were refreshed over work in October. */
async function refreshedSite(): Promise<SyncSite> {
  const site = await startGoldSite();
  await site.logWork(GOLD_ISSUES.first.id, 2 * 3600, OCTOBER);
  await site.settle();
  return site;
}

async function chunkCount(site: SyncSite): Promise<number> {
  return (await site.store.listByPrefix(entryChunksPrefix('gold'))).entries.length;
}

describe('a figures refresh killed between its writes', () => {
  it.each([
    ['after writing its chunks, before the sources that name them', writesSource],
    ['after writing its sources, before deleting the chunks they no longer name', deletesChunk],
  ] as const)('after worklog events, %s, leaves nothing behind once the next refresh ran', async (_when, kill) => {
    const site = await refreshedSite();
    const before = await chunkCount(site);
    await site.logWork(GOLD_ISSUES.second.id, 3600, OCTOBER);
    await refreshKilled(site, kill);
    expect(await chunkCount(site)).toBeGreaterThan(before);

    // Other work before the retry: it writes other chunks than the killed refresh did.
    await site.logWork(GOLD_ISSUES.first.id, 1800, OCTOBER);
    await site.simulator.idle();
    expect(await runFiguresRefresh(site.deps, REFRESH)).toMatchObject({ read: { scope: 'plan', because: 'no-earlier-work' } });
    await expectFullRefreshFindsStored(site.deps, 'gold');
  });

  it('asked for the whole plan, leaves nothing behind once the next refresh ran', async () => {
    const site = await refreshedSite();
    await site.logWork(GOLD_ISSUES.second.id, 3600, OCTOBER);
    await requestFiguresRefresh(site.deps, 'gold');
    await refreshKilled(site, writesSource);

    await site.logWork(GOLD_ISSUES.first.id, 1800, OCTOBER);
    await site.settle();
    await expectFullRefreshFindsStored(site.deps, 'gold');
  });
});
