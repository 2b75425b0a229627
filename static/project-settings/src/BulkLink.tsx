import { useEffect, useState } from 'react';
import type { BulkJob, StoredPlan } from '@contract/index';
import type { BillingClass } from '@ledger/types';
import { Banner } from '../../shared/components/Banner';
import { BillingClassSelect } from '../../shared/components/BillingClassSelect';
import { Button } from '../../shared/components/Button';
import { Field } from '../../shared/components/Field';
import { ProgressBar } from '../../shared/components/ProgressBar';
import { callResolver } from '../../shared/api/call-resolver';
import { useWrite } from '../../shared/hooks/useWrite';

const POLL_MS = 1000;

/** Follows a running bulk job until it is done or failed. */
function useBulkJob(started: BulkJob | null): BulkJob | null {
  const [job, setJob] = useState(started);
  useEffect(() => setJob(started), [started]);
  const jobId = job?.jobId;
  const finished = job === null || job.state === 'done' || job.state === 'failed';
  useEffect(() => {
    if (finished || jobId === undefined) return;
    const timer = window.setTimeout(() => {
      void callResolver('bulk/status', { jobId }).then((outcome) => outcome.ok && setJob(outcome.data));
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [job, jobId, finished]);
  return job;
}

/** Link every issue a JQL finds to a plan: count them first, then run it and watch the progress. */
export function BulkLink({ plans }: { plans: readonly StoredPlan[] }) {
  const active = plans.filter((stored) => stored.status === 'active');
  const [jql, setJql] = useState('');
  const [planId, setPlanId] = useState(active[0]?.plan.id ?? '');
  const [billingClass, setBillingClass] = useState<BillingClass>('covered');
  const preview = useWrite('bulk/preview');
  const link = useWrite('bulk/link');
  const job = useBulkJob(link.lastData);
  const counted = preview.lastData !== null && preview.lastData.jql !== '' ? preview.lastData : null;
  const error = preview.error ?? link.error;

  if (active.length === 0) return null;
  return (
    <section className="sh-stack sh-card" aria-label="Link issues by JQL">
      <h2>Link issues by JQL</h2>
      <Field label="JQL" help="Only this project's issues are linked.">
        <textarea value={jql} rows={2} onChange={(event) => setJql(event.target.value)} />
      </Field>
      <div className="sh-row">
        <Field label="Plan">
          <select value={planId} onChange={(event) => setPlanId(event.target.value)}>
            {active.map((stored) => (
              <option key={stored.plan.id} value={stored.plan.id}>
                {stored.plan.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Billing class">
          <BillingClassSelect value={billingClass} onChange={setBillingClass} />
        </Field>
      </div>
      <div className="sh-row">
        <Button onClick={() => void preview.run({ jql })} disabled={preview.pending || jql.trim() === ''}>
          Count matching issues
        </Button>
        {counted === null ? null : (
          <Button appearance="primary" onClick={() => void link.run({ jql, planId, billingClass })} disabled={link.pending || counted.count === 0}>
            Link {counted.count} issues
          </Button>
        )}
      </div>
      {counted === null ? null : (
        <p role="status">
          {counted.count} issues match <code>{counted.jql}</code>.
        </p>
      )}
      {job === null ? null : <BulkProgress job={job} />}
      {error === null ? null : <Banner appearance="error">{error.message}</Banner>}
    </section>
  );
}

function progressText(job: BulkJob, done: number): string {
  if (job.state === 'done') return `Done: ${job.linked} issues linked${job.failed > 0 ? `, ${job.failed} failed` : ''}.`;
  if (job.state === 'failed') return `Stopped: ${job.message ?? 'the job failed'}.`;
  return `Linking… ${done} of ${job.total}.`;
}

function BulkProgress({ job }: { job: BulkJob }) {
  const done = job.linked + job.failed;
  const percent = job.total === 0 ? 100 : Math.round((done * 100) / job.total);
  return (
    <div className="sh-stack">
      <ProgressBar label="Linking issues" percent={percent} valueText={`${done} of ${job.total} issues`} />
      <p role="status">{progressText(job, done)}</p>
    </div>
  );
}
