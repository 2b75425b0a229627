/**
 * What went wrong in the background that a project's admins should see: alerts that were not
 * (fully) emailed and jobs the failure policy parked. One bounded record per project
 * (`problems:<projectId>`), each list at most {@link MAX_PROBLEMS} long, the oldest dropped
 * first; an entry for the same alert or job replaces the earlier one.
 */
import * as z from 'zod';
import { alertProblemSchema, parkedJobSchema, problemsSchema, type Problems } from '../../contract';
import type { Store } from '../ports/store';
import { toJsonValue } from '../plans/to-json-value';

export const MAX_PROBLEMS = 50;

export const problemsKey = (projectId: string): string => `problems:${projectId}`;

/** The alert's store key, so a later outcome of the same alert replaces its entry. */
const storedAlertProblemSchema = alertProblemSchema.extend({ alertKey: z.string() });
/** A hash of the job's body, so a job parked twice (a redelivery) is listed once. */
const storedParkedJobSchema = parkedJobSchema.extend({ jobKey: z.string() });

const storedProblemsSchema = z.object({
  alerts: z.array(storedAlertProblemSchema),
  jobs: z.array(storedParkedJobSchema),
  dropped: z.int().min(0),
});

type StoredProblems = z.infer<typeof storedProblemsSchema>;
export type StoredAlertProblem = z.infer<typeof storedAlertProblemSchema>;
export type StoredParkedJob = z.infer<typeof storedParkedJobSchema>;

const NONE: StoredProblems = { alerts: [], jobs: [], dropped: 0 };

export async function loadProblems(store: Store, projectId: string): Promise<Problems> {
  const value = await store.get(problemsKey(projectId));
  const stored = value === undefined ? NONE : storedProblemsSchema.parse(value);
  return problemsSchema.parse(stored);
}

/** Takes off the entries listed at or before `seenUpTo`; the rest stay. Resolves to what is left. */
export async function clearProblems(store: Store, projectId: string, seenUpTo: number): Promise<Problems> {
  const left = await store.update(problemsKey(projectId), (current) => {
    if (current === undefined) return current;
    const problems = storedProblemsSchema.parse(current);
    const kept = {
      alerts: problems.alerts.filter((alert) => alert.at > seenUpTo),
      jobs: problems.jobs.filter((job) => job.parkedAt > seenUpTo),
      dropped: 0,
    };
    return kept.alerts.length + kept.jobs.length === 0 ? undefined : toJsonValue(kept);
  });
  return problemsSchema.parse(left === undefined ? NONE : storedProblemsSchema.parse(left));
}

export function recordAlertProblem(store: Store, projectId: string, problem: StoredAlertProblem): Promise<void> {
  return record(store, projectId, (problems) => {
    const { kept, dropped } = appended(problems.alerts.filter((entry) => entry.alertKey !== problem.alertKey), problem);
    return { ...problems, alerts: kept, dropped: problems.dropped + dropped };
  });
}

export function recordParkedJob(store: Store, projectId: string, job: StoredParkedJob): Promise<void> {
  return record(store, projectId, (problems) => {
    const { kept, dropped } = appended(problems.jobs.filter((entry) => entry.jobKey !== job.jobKey), job);
    return { ...problems, jobs: kept, dropped: problems.dropped + dropped };
  });
}

async function record(store: Store, projectId: string, change: (problems: StoredProblems) => StoredProblems): Promise<void> {
  await store.update(problemsKey(projectId), (current) => toJsonValue(change(current === undefined ? NONE : storedProblemsSchema.parse(current))));
}

function appended<T>(entries: readonly T[], entry: T): { kept: T[]; dropped: number } {
  const all = [...entries, entry];
  const dropped = Math.max(0, all.length - MAX_PROBLEMS);
  return { kept: all.slice(dropped), dropped };
}

