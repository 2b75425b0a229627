export interface ScheduledJob {
  readonly name: string;
  readonly everyMs: number;
  readonly run: () => Promise<void>;
}

/**
 * Forge's `scheduledTrigger`s on timers. A run that is still going when the next falls due
 * is not started twice. Resolves nothing; call the returned function to stop.
 */
export function startSchedule(jobs: readonly ScheduledJob[], onError: (name: string, error: unknown) => void): () => void {
  const timers = jobs.map((job) => {
    let busy = false;
    return setInterval(() => {
      if (busy) return;
      busy = true;
      job
        .run()
        .catch((error: unknown) => onError(job.name, error))
        .finally(() => {
          busy = false;
        });
    }, job.everyMs);
  });
  return () => timers.forEach((timer) => clearInterval(timer));
}
