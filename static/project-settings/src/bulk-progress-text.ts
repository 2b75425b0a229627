import type { BulkFailure, BulkJob, BulkSkip } from '@contract/index';
import { countOf, ISSUES } from '../../shared/format/count';

/** The keys shown, and how many more there are. */
function examples(keys: readonly string[], count: number): string {
  if (keys.length === 0) return '';
  const more = count > keys.length ? ` and ${count - keys.length} more` : '';
  return `: ${keys.join(', ')}${more}`;
}

/**
 * Why issues were skipped, in a sentence; `planName` names another plan when this project has it.
 *
 * @example
 * skipText({ reason: 'on-other-plan', planId: 'acme-silver', count: 2, issueKeys: ['SUP-4', 'SUP-6'] }, () => 'Acme Silver')
 * // '2 issues on another plan, Acme Silver, stay there: SUP-4, SUP-6'
 */
export function skipText(skip: BulkSkip, planName: (planId: string) => string): string {
  const issues = countOf(skip.count, ISSUES);
  switch (skip.reason) {
    case 'other-project':
      return `${issues} of other projects left out: bulk linking only links this project's issues`;
    case 'no-edit-permission':
      return `${issues} you may not edit in Jira${examples(skip.issueKeys, skip.count)}`;
    case 'already-on-plan':
      return `${issues} already on this plan${examples(skip.issueKeys, skip.count)}`;
    case 'on-other-plan':
      return `${issues} on another plan, ${planName(skip.planId ?? '')}, stay there${examples(skip.issueKeys, skip.count)}`;
  }
}

/** Why links could not be written, in a sentence, with what to do about it. */
export function failureText(failure: BulkFailure): string {
  const issues = countOf(failure.count, ISSUES);
  const keys = examples(failure.issueKeys, failure.count);
  switch (failure.reason) {
    case 'rate-limited':
      return `${issues} not linked because Jira's rate limit was reached; count and link again later to finish${keys}`;
    case 'jira-unavailable':
      return `${issues} not linked because Jira did not answer; count and link again to finish${keys}`;
    case 'issue-gone':
      return `${issues} deleted, or hidden from Support Hours, since the count${keys}`;
    case 'jira-refused':
      return `${issues} not linked because Jira refused the change (${failure.message})${keys}`;
    case 'plan-gone':
      return `${issues} not linked because the plan was deleted after the run started${keys}`;
    case 'internal-error':
      return `${issues} not linked because of an error in Support Hours (it was logged: ${failure.message})${keys}`;
  }
}

const skippedCount = (job: BulkJob) => job.skipped.reduce((sum, skip) => sum + skip.count, 0);

/** The job's state in one line: running, or done with what was linked, skipped and failed. */
export function progressText(job: BulkJob): string {
  if (job.state === 'failed') return `Stopped: ${job.message ?? 'the job failed'}.`;
  if (job.state !== 'done') return `Linking… ${job.linked + job.failed} of ${countOf(job.total, ISSUES)}.`;
  const parts = [`${countOf(job.linked, ISSUES)} linked`, `${skippedCount(job)} skipped`, `${job.failed} failed`];
  return `Done: ${parts.join(', ')}.`;
}
