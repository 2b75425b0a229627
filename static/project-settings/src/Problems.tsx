import type { AlertProblem, DroppedRecipient, ParkedJob, ParkedJobKind, Problems as ProblemsData } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import Button from '@atlaskit/button/new';
import { LoadableView } from '../../shared/components/LoadableView';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { formatDateTime, viewersOwn } from '../../shared/format/dates';
import { useResolver } from '../../shared/hooks/useResolver';
import { useWrite } from '../../shared/hooks/useWrite';

/** Alerts that were not (fully) emailed and background jobs the app gave up on: what the project's admins should act on, then clear. */
export function Problems() {
  const { state, reload } = useResolver('settings/problems', {});
  return (
    <section className="sh-stack sh-card" aria-label="Alerts and background jobs that failed">
      <h2>Alerts and background jobs that failed</h2>
      <LoadableView state={state} what="the failed alerts and jobs" onRetry={reload}>
        {(data) => <ProblemsList data={data} onCleared={reload} />}
      </LoadableView>
    </section>
  );
}

function ProblemsList({ data, onCleared }: { data: ProblemsData; onCleared: () => void }) {
  const { timeZone, locale } = useSurfaceContext();
  const clear = useWrite('settings/clearProblems');
  const when = (instant: number) => formatDateTime(instant, viewersOwn(timeZone), locale);
  const newest = Math.max(0, ...data.alerts.map((alert) => alert.at), ...data.jobs.map((job) => job.parkedAt));
  if (data.alerts.length + data.jobs.length === 0) {
    return <p data-testid="problems">Every alert was emailed to everyone its plan names, and no background job failed.</p>;
  }
  return (
    <>
      {data.alerts.length === 0 ? null : (
        <ul data-testid="alert-problems">
          {data.alerts.map((alert) => (
            <li key={`${alert.planId}:${alert.periodLabel}:${alert.percent}`}>{alertLine(alert, when)}</li>
          ))}
        </ul>
      )}
      {data.jobs.length === 0 ? null : (
        <>
          <p>These background jobs kept failing and were set aside. {JOB_ADVICE}</p>
          <ul data-testid="parked-jobs">
            {data.jobs.map((job) => (
              <li key={`${job.kind}:${job.planId ?? ''}:${job.parkedAt}`}>{jobLine(job, when)}</li>
            ))}
          </ul>
        </>
      )}
      {data.dropped === 0 ? null : <p>{data.dropped} older entries are no longer listed.</p>}
      {clear.error === null ? null : <Banner appearance="error">{clear.error.message}</Banner>}
      <div>
        <Button isDisabled={clear.pending} onClick={() => void clear.run({ seenUpTo: newest }).then((outcome) => outcome.ok && onCleared())}>
          Clear these entries
        </Button>
      </div>
    </>
  );
}

function alertLine(alert: AlertProblem, when: (instant: number) => string): string {
  const what = `${alert.planName}: the ${alert.percent}% alert for ${alert.periodLabel}`;
  const dropped = alert.droppedRecipients.length === 0 ? '' : ` Left out: ${alert.droppedRecipients.map(recipientText).join(', ')}; update the plan's alert recipients.`;
  if (alert.outcome === 'partly-delivered') return `${what} was emailed on ${when(alert.at)}, but not to everyone.${dropped}`;
  return `${what} could not be emailed (given up on ${when(alert.at)}): ${alert.reason ?? 'no reason was kept'}.${dropped}`;
}

function recipientText(recipient: DroppedRecipient): string {
  return `${recipient.accountId} (${recipient.reason === 'unknown' ? 'no such Jira account' : 'deactivated'})`;
}

const JOB_NAMES: Readonly<Record<ParkedJobKind, string>> = {
  recompute: 'Recomputing the plan from Jira',
  'drop-generation': 'Clearing an old copy of the plan’s work',
  'purge-plan': 'Deleting the plan’s stored records',
  'refresh-figures': 'Updating the plan’s figures',
  'alert-check': 'Checking the plan’s alert thresholds',
  'bulk-link': 'Linking issues in bulk',
};

const JOB_ADVICE = 'Reconciliation starts an unfinished recompute, deletion or figures update again within the hour; start a bulk link again for the issues it did not link.';

function jobLine(job: ParkedJob, when: (instant: number) => string): string {
  const plan = job.planId === null ? '' : ` (plan ${job.planId})`;
  const why = job.failure === 'transient' ? `Jira or storage kept failing for ${job.attempts} attempts` : 'it failed in a way retrying cannot mend';
  return `${JOB_NAMES[job.kind]}${plan} stopped on ${when(job.parkedAt)}: ${why}. Last error: ${job.error}`;
}
