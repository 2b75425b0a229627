import { MemoryStore } from '../../adapters/storage/memory-store';
import type { JiraWorklog } from '../../ledger/types';
import { buildPlan } from '../../ledger/test-builders';
import { headKey } from '../aggregates/keys';
import { createPlan } from '../plans/create-plan';
import { listAll } from '../plans/list-all';
import { internalIdOf } from '../plans/plan-repository';
import type { PlanIssue } from '../ports/jira';
import { STORE_LIMITS, type Store } from '../ports/store';
import { advanceWatermark } from '../sync/watermark';
import { writeChunkParts } from '../sync/write-generation';
import { closePeriod } from './close-period';
import { readClosedVersion } from './closed-statements';
import type { ClosingPorts } from './closing-ports';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const CONTEXT = { actor: { accountId: 'acc-admin' }, project: { id: '10000', key: 'SUP' } };
const LATE_WORKLOGS = 100_000;
const ISSUES = 1_000;

/** `count` worklogs of a quarter of an hour each in September, spread over `ISSUES` issues; built directly, not through Jira. */
function septemberWork(count: number): PlanIssue[] {
  const worklogs: JiraWorklog[][] = Array.from({ length: ISSUES }, () => []);
  for (let index = 0; index < count; index += 1) {
    const minute = index % (29 * 24 * 60);
    const started = new Date(Date.UTC(2026, 8, 1) + minute * 60_000).toISOString().replace('Z', '+0000');
    worklogs[index % ISSUES]?.push({ id: String(1_000_000 + index), issueId: String(10_000 + (index % ISSUES)), started, timeSpentSeconds: 900, author: { accountId: `acc-${index % 7}` } });
  }
  return worklogs.map((issueWorklogs, index) => {
    const id = String(10_000 + index);
    const link = { issueId: id, planId: 'gold', billingClass: 'covered' as const };
    return { id, key: `SUP-${index + 1}`, summary: '', projectId: CONTEXT.project.id, projectKey: CONTEXT.project.key, link, worklogs: issueWorklogs };
  });
}

/** Stores the issues as the plan's live aggregate, as a finished recompute would have. */
async function storeAggregate(store: Store, planId: string, issues: readonly PlanIssue[]): Promise<void> {
  const worklogCount = await writeChunkParts(store, { planId, generation: 1, shardCount: 1, chunk: 0 }, issues);
  await store.set(headKey(planId), { generation: 1, shardCount: 1, worklogCount });
}

describe('closing a period whose statement books many late adjustments', () => {
  // About 10 s of CPU (storing the aggregate 0.5 s, closing 5 s, reading back 3.7 s, measured): the timeout is only a backstop against a hang, as generous
  // as the stress run needs (stress-ng and other work on two cores gave this test a small fraction of a core).
  it(`freezes ${LATE_WORKLOGS.toLocaleString('en')} of them in chunks within the store's limits, and reads them back exactly`, async () => {
    const store = new MemoryStore({ retryDelayMs: () => 0 });
    let ids = 0;
    const queue = { push: () => Promise.resolve('queued') };
    const ports: ClosingPorts = { store, queue, clock: { now: () => NOW }, newId: () => `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}` };
    const created = await createPlan(ports, CONTEXT, buildPlan({ startDate: '2026-09-01' }));
    if (!created.ok) throw new Error('the plan was not created');
    // Reconciliation has read Jira's changes up to now: the figures are complete.
    await advanceWatermark(store, undefined, NOW, NOW);

    // September is closed with no work; then all of it arrives late, and October books it.
    expect((await closePeriod(ports, CONTEXT, { planId: 'gold', period: '2026-09' })).ok).toBe(true);
    await storeAggregate(store, internalIdOf(created.data), septemberWork(LATE_WORKLOGS));
    const october = await closePeriod(ports, CONTEXT, { planId: 'gold', period: '2026-10' });
    if (!october.ok) throw new Error(`closing October was refused: ${october.refusal.kind}`);
    expect(october.data.chunkCount).toBeGreaterThan(100);

    // The store refuses any value over its limit, so the close proves every chunk fits; the manifest, which every
    // period list reads, stays within one storage unit.
    const manifests = await listAll(store, 'closing-version:');
    expect(manifests.map((entry) => Buffer.byteLength(JSON.stringify(entry.value)) <= STORE_LIMITS.usageUnitBytes)).toEqual([true, true]);

    const frozen = await readClosedVersion(store, CONTEXT.project, { planId: 'gold', period: '2026-10', version: 1 });
    if (!frozen.ok) throw new Error('October has no frozen version');
    const adjustments = frozen.data.statement.lateAdjustments;
    expect([adjustments.length, new Set(adjustments.map((adjustment) => adjustment.worklogId)).size]).toEqual([LATE_WORKLOGS, LATE_WORKLOGS]);
    expect(adjustments.every((adjustment) => adjustment.periodLabel === '2026-09' && adjustment.kind === 'added' && adjustment.roundedSeconds === 900)).toBe(true);
    expect(frozen.data.statement.adjustmentCharges.map((charge) => [charge.kind, charge.seconds])).toEqual([['overage', LATE_WORKLOGS * 900 - 10 * 3600]]);
    expect(frozen.data.version.contentHash).toBe(october.data.contentHash);
  }, 600_000);
});
