import type { ParkedJobKind } from '../../contract';
import { canonicalJson, sha256Hex } from '../closing/canonical-json';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';
import { planOfJob } from '../scope/plan-scope';
import { recordParkedJob } from './problems';
import type { ParkedFailure } from './run-queue-job';

/** Whose admins see a parked job: the project, and the plan by its key. */
export interface JobOwner {
  readonly projectId: string;
  readonly planKey: string | null;
}

/** The owner of a job that works for a plan (by its internal id); undefined once the plan is gone. */
export async function ownerOfPlan(store: Store, internalId: string): Promise<JobOwner | undefined> {
  const stored = await planOfJob(store, internalId);
  return stored === undefined ? undefined : { projectId: stored.projectId, planKey: stored.plan.id };
}

/**
 * Lists the parked job for its project's admins. A job whose plan is gone has nobody to show it
 * to: the policy's log line is all that is kept.
 */
export async function parkJob(
  ports: { readonly store: Store; readonly clock: Clock },
  owner: JobOwner | undefined,
  kind: ParkedJobKind,
  job: unknown,
  failure: ParkedFailure,
): Promise<void> {
  if (owner === undefined) return;
  const jobKey = (await sha256Hex(`${kind}:${canonicalJson(job)}`)).slice(0, 16);
  await recordParkedJob(ports.store, owner.projectId, {
    jobKey,
    kind,
    planId: owner.planKey,
    failure: failure.kind,
    error: failure.message,
    attempts: failure.attempts,
    firstFailedAt: failure.firstFailedAt,
    parkedAt: ports.clock.now(),
  });
}
