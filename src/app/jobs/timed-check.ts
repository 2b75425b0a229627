/**
 * A job that checks something once an instant has passed (figures past their horizon, a build gone silent). A queue
 * delays a push by at most {@link MAX_DELAY_SECONDS}, so a check further away pushes itself again until it is due.
 * `notBefore`, half the delay after the push, tells a check that was run early (a test's queue runs every job at once,
 * whatever its delay): such a check is dropped instead of pushed again at once, and the job's usual fallback remains.
 */
import type { Instant } from '../../ledger/types';
import { MAX_DELAY_SECONDS } from '../ports/queue';

export interface CheckTiming {
  readonly delayInSeconds: number;
  readonly notBefore: Instant;
}

/** When to run a check that is due once `dueAt` has passed, pushed at `now`: just after it, or as late as a queue allows. */
export function timeCheck(now: Instant, dueAt: Instant): CheckTiming {
  const delayInSeconds = Math.max(1, Math.min(MAX_DELAY_SECONDS, Math.ceil((dueAt + 1 - now) / 1000)));
  return { delayInSeconds, notBefore: now + (delayInSeconds * 1000) / 2 };
}
