/**
 * A period's statement from the period's own stored data instead of a replay of the whole plan: a closed period's
 * frozen statement, or an open period's statement replayed by the ledger from the source the plan's last refresh
 * left (a resume point, and the ledger's entries of the periods from there). The ledger computes the statement
 * either way; what is stored is what it was given.
 */
import type { StatementUpdating, StoredPlan } from '../../contract';
import { closedStatement, prepareKeptEntries, resumeHistory, type LedgerEntry } from '../../ledger';
import type { Instant, OutOfPlanWorklog, Period, Statement } from '../../ledger/types';
import { loadFrozenPeriods } from '../closing/closed-statements';
import { loadPeriodState } from '../closing/closing-repository';
import { decodeEntryChunk, decodeOutOfPlanChunk } from '../figures/entry-chunks';
import { statementSourceKey } from '../figures/figures-keys';
import { readChunks } from '../figures/read-chunks';
import { statementSourceSchema, type StatementSource } from '../figures/figures-records';
import { figuresView, readFiguresHead } from '../figures/read-plan-figures';
import { internalIdOf } from '../plans/plan-repository';
import type { Store } from '../ports/store';

/** The open period's statement from its source, or undefined when a chunk the source names is gone. */
async function replayedFromSource(store: Store, stored: StoredPlan, period: Period, source: StatementSource, asOf: Instant): Promise<Statement | undefined> {
  const planId = internalIdOf(stored);
  const [entries, outOfPlan, frozen] = await Promise.all([
    Promise.all(source.periods.map(async ({ label, chunks }) => [label, await readChunks(store, planId, label, chunks, decodeEntryChunk)] as const)),
    readChunks<OutOfPlanWorklog>(store, planId, 'out', source.outOfPlan, decodeOutOfPlanChunk),
    loadFrozenPeriods(store, planId, source.frozen.map(({ label, version }) => ({ periodLabel: label, version }))),
  ]);
  const byLabel = new Map<string, readonly LedgerEntry[]>();
  for (const [label, periodEntries] of entries) {
    if (periodEntries === undefined) return undefined;
    byLabel.set(label, periodEntries);
  }
  if (outOfPlan === undefined) return undefined;
  const prepared = prepareKeptEntries(stored.plan, period, 'period', (each) => byLabel.get(each.label) ?? [], outOfPlan);
  return resumeHistory(prepared, frozen, source.from, asOf).statements.at(-1);
}

/** A statement read from stored data, and whether it is the last refreshed one while the figures are updating. */
export interface StoredStatement {
  readonly statement: Statement;
  readonly updating: StatementUpdating;
}

/**
 * Which stored data a read accepts: `current` only while the figures are current (closing, decision 0028);
 * `last-refresh` also the last refresh's while the next is asked for or running, or the plan is being recomputed
 * (marked `updating`, decision 0064).
 */
export type StoredStatementAcceptance = 'current' | 'last-refresh';

/**
 * The ledger's statement of `period` as of `asOf` from the period's stored data: what a replay of the whole plan
 * gives (as of the last refresh, marked, when `accept` allows it while the figures are updating), read in a number
 * of values that follows the period's own work, not the plan's. Undefined when the stored data may be behind the
 * plan's and `accept` is `current` (a figures refresh is asked for or running, a full recompute is under way), its
 * source was filed under other terms than the plan's (edited since), the period has no source (beyond the periods
 * a refresh stores, or stored by a release before sources) or a chunk its source names has been replaced
 * meanwhile: the caller replays the plan.
 */
export async function storedPeriodStatement(store: Store, stored: StoredPlan, period: Period, asOf: Instant, accept: StoredStatementAcceptance): Promise<StoredStatement | undefined> {
  return (await storedPeriodStatements(store, stored, [period], asOf, accept))?.[0];
}

/**
 * The statements of `periods`, each as `storedPeriodStatement` reads it, the figures head read once for all; undefined
 * when any one cannot be read so (the caller replays the plan), and then no closed period's frozen statement or open
 * period's source is read when the head or the periods' states already say so.
 */
export async function storedPeriodStatements(
  store: Store,
  stored: StoredPlan,
  periods: readonly Period[],
  asOf: Instant,
  accept: StoredStatementAcceptance,
): Promise<StoredStatement[] | undefined> {
  const planId = internalIdOf(stored);
  const [states, head] = await Promise.all([Promise.all(periods.map((period) => loadPeriodState(store, planId, period.label))), readFiguresHead(store, planId)]);
  const view = figuresView(head, stored);
  const sourcesReadable = view !== undefined && !(view.refreshing && accept === 'current');
  if (!sourcesReadable && states.some((state) => state?.state.status !== 'closed')) return undefined;
  const read = await Promise.all(
    periods.map(async (period, index): Promise<StoredStatement | undefined> => {
      const state = states[index]?.state;
      if (state?.status === 'closed') {
        const [frozen] = await loadFrozenPeriods(store, planId, [{ periodLabel: period.label, version: state.version }]);
        return frozen && { statement: closedStatement(frozen), updating: null };
      }
      if (view === undefined) return undefined;
      // Read after the head: a source is at least as recent as the refresh the head names (a refresh under way may
      // have written a newer one already, so `asOf` is the instant through which the statement is known complete).
      const source = statementSourceSchema.safeParse(await store.get(statementSourceKey(planId, period.label)));
      // A source of another version of the plan is one a refresh since no longer wanted, or priced by terms since edited.
      if (!source.success || source.data.planVersion !== stored.version) return undefined;
      const statement = await replayedFromSource(store, stored, period, source.data, asOf);
      return statement && { statement, updating: view.refreshing ? { asOf: view.refreshed.refreshedAt } : null };
    }),
  );
  return read.every((each) => each !== undefined) ? read : undefined;
}
