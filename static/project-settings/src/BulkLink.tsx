import { useEffect, useState } from 'react';
import type { BulkCount, BulkJob, StoredPlan } from '@contract/index';
import type { BillingClass } from '@ledger/types';
import ProgressBar from '@atlaskit/progress-bar';
import { Banner } from '../../shared/components/Banner';
import { BillingClassSelect } from '../../shared/components/BillingClassSelect';
import Button from '@atlaskit/button/new';
import { Field } from '../../shared/components/Field';
import { callResolver } from '../../shared/api/call-resolver';
import { countOf, ISSUES } from '../../shared/format/count';
import { useWrite } from '../../shared/hooks/useWrite';
import { failureText, progressText, skipText } from './bulk-progress-text';

const POLL_MS = 1000;

/** Follows a running bulk job until it is done or failed. */
function useBulkJob(started: BulkJob | null): BulkJob | null {
  const [polled, setPolled] = useState<BulkJob | null>(null);
  // A newly started job shows as started until its first poll answers.
  const job = polled !== null && polled.jobId === started?.jobId ? polled : started;
  const jobId = job?.jobId;
  const finished = job === null || job.state === 'done' || job.state === 'failed';
  useEffect(() => {
    if (finished || jobId === undefined) return;
    const timer = window.setTimeout(() => {
      void callResolver('bulk/status', { jobId }).then((outcome) => outcome.ok && setPolled(outcome.data));
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [job, jobId, finished]);
  return job;
}

/** A count and the query text it was made for: the link button confirms exactly that. */
interface Counted {
  readonly text: string;
  readonly count: BulkCount;
}

/**
 * Link every issue of this project a JQL finds to a plan: count them first, then confirm that
 * count (editing the query asks for a new count) and watch the progress, with what was skipped
 * and what failed, and why.
 */
export function BulkLink({ plans }: { plans: readonly StoredPlan[] }) {
  const active = plans.filter((stored) => stored.status === 'active');
  const [jql, setJql] = useState('');
  const [planId, setPlanId] = useState(active[0]?.plan.id ?? '');
  const [billingClass, setBillingClass] = useState<BillingClass>('covered');
  const [counted, setCounted] = useState<Counted | null>(null);
  const preview = useWrite('bulk/preview');
  const link = useWrite('bulk/link');
  const job = useBulkJob(link.lastData);
  // A refused link is old news once the admin has counted again.
  const error = preview.error ?? (counted === null ? link.error : null);
  const current = counted !== null && counted.text === jql ? counted.count : null;

  async function count() {
    const text = jql;
    setCounted(null);
    const outcome = await preview.run({ jql: text });
    if (outcome.ok) setCounted({ text, count: outcome.data });
  }

  async function confirm(count: BulkCount) {
    // A count starts one job; whatever the answer, the next link needs a new count.
    setCounted(null);
    await link.run({ jql, planId, billingClass, countToken: count.countToken });
  }

  if (active.length === 0) return null;
  return (
    <section className="sh-stack sh-card" aria-label="Link issues by JQL">
      <h2>Link issues by JQL</h2>
      <Field label="JQL" help="Runs as you, exactly as typed; only this project's issues among the results are linked.">
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
        <Button onClick={() => void count()} isDisabled={preview.pending || jql.trim() === ''}>
          Count matching issues
        </Button>
        {current === null ? null : (
          <Button appearance="primary" onClick={() => void confirm(current)} isDisabled={link.pending || current.count === 0}>
            Link {countOf(current.count, ISSUES)}
          </Button>
        )}
      </div>
      {counted === null ? null : <CountSummary counted={counted} stale={current === null} />}
      {job === null ? null : <BulkProgress job={job} plans={plans} />}
      {error === null ? null : <Banner appearance="error">{error.message}</Banner>}
    </section>
  );
}

function CountSummary({ counted, stale }: { counted: Counted; stale: boolean }) {
  const { count, otherProjects, jql } = counted.count;
  if (stale) return <p role="status">The query changed since it was counted; count again.</p>;
  const others = otherProjects === 0 ? '' : ` ${countOf(otherProjects, { one: 'issue of another project also matches', other: 'issues of other projects also match' })} and will be left out.`;
  return (
    <p role="status">
      {countOf(count, { one: 'issue of this project matches', other: 'issues of this project match' })} <code>{jql}</code>.{others}
    </p>
  );
}

function BulkProgress({ job, plans }: { job: BulkJob; plans: readonly StoredPlan[] }) {
  const done = job.linked + job.failed;
  const percent = job.total === 0 ? 100 : Math.round((done * 100) / job.total);
  const planName = (planId: string) => plans.find((stored) => stored.plan.id === planId)?.plan.name ?? planId;
  return (
    <div className="sh-stack">
      <ProgressBar ariaLabel={`Linking issues: ${done} of ${countOf(job.total, ISSUES)}`} value={percent / 100} />
      <p role="status">{progressText(job)}</p>
      {job.skipped.length === 0 ? null : (
        <ul aria-label="Skipped issues">
          {job.skipped.map((skip) => (
            <li key={`${skip.reason}:${skip.planId ?? ''}`}>{skipText(skip, planName)}</li>
          ))}
        </ul>
      )}
      {job.failures.length === 0 ? null : (
        <ul aria-label="Failed issues">
          {job.failures.map((failure) => (
            <li key={failure.reason}>{failureText(failure)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
