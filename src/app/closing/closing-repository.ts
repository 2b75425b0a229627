/** Reading closing's records: the periods' states, the frozen versions' manifests and the audit trail. */
import type { ClosingAuditEntry, StoredPlan } from '../../contract';
import { periodByLabel } from '../../ledger';
import type { Period } from '../../ledger/types';
import { listAll } from '../plans/list-all';
import { invalid, type UseCaseOutcome } from '../refusal';
import type { Store, Version } from '../ports/store';
import { closedVersionKey, closedVersionPrefix, closingAuditPrefix, periodStateKey, periodStatePrefix } from './closing-keys';
import { storedAuditSchema, storedManifestSchema, storedPeriodStateSchema, type StoredManifest, type StoredPeriodState } from './closing-records';

export interface VersionedPeriodState {
  readonly state: StoredPeriodState;
  readonly storeVersion: Version;
}

/** The plan's period starting in `label` (`YYYY-MM`), or a refusal of the `period` field. */
export function planPeriod(stored: StoredPlan, label: string): UseCaseOutcome<Period> {
  const period = periodByLabel(stored.plan, label);
  if (period !== null) return { ok: true, data: period };
  return invalid('period', { what: 'no-such-period', planName: stored.plan.name, periodLabel: label });
}

export async function loadPeriodState(store: Store, planId: string, label: string): Promise<VersionedPeriodState | undefined> {
  const found = await store.getVersioned(periodStateKey(planId, label));
  return found === undefined ? undefined : { state: storedPeriodStateSchema.parse(found.value), storeVersion: found.version };
}

/** Every period that was ever closed, by label. */
export async function listPeriodStates(store: Store, planId: string): Promise<Map<string, StoredPeriodState>> {
  const entries = await listAll(store, periodStatePrefix(planId));
  return new Map(entries.map((entry) => {
    const state = storedPeriodStateSchema.parse(entry.value);
    return [state.periodLabel, state];
  }));
}

export async function loadManifest(store: Store, planId: string, label: string, version: number): Promise<StoredManifest | undefined> {
  const value = await store.get(closedVersionKey(planId, label, version));
  return value === undefined ? undefined : storedManifestSchema.parse(value);
}

/** Every frozen version of every period, by period label then version. */
export async function listManifests(store: Store, planId: string): Promise<StoredManifest[]> {
  const entries = await listAll(store, closedVersionPrefix(planId));
  return entries.map((entry) => storedManifestSchema.parse(entry.value));
}

/** Closes and reopens, oldest first. */
export async function listClosingAudit(store: Store, planId: string): Promise<ClosingAuditEntry[]> {
  const entries = (await listAll(store, closingAuditPrefix(planId))).map((entry) => storedAuditSchema.parse(entry.value));
  return entries.sort((a, b) => a.at - b.at);
}
