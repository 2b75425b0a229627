import { pricesByIssueAttributes } from '../../ledger';
import { linkFactsOf, linkPlanId } from '../aggregates/aggregate-codec';
import { linkOfRead, readLink } from '../aggregates/issue-links';
import type { AttributeNews } from '../aggregates/issue-attributes-entry';
import { placeIssue } from '../aggregates/place-issue';
import { noteChangeWhileRebuilding, requestFiguresRefresh } from '../figures/request-figures-refresh';
import { planOfJob } from '../scope/plan-scope';
import type { SyncDeps } from './sync-deps';

/**
 * An issue's priority, issue type or request type changed (or an event showed them): the change joins the history kept
 * in the issue's entry of the plan the app has it linked to, with no Jira call (decision 0058). An issue linked to no
 * plan is left alone: should it join one, its plan's recompute reads the history from Jira's changelog. Duplicates
 * and events out of order end on the same history. Resolves to the number of writes.
 *
 * The plan's figures are refreshed only when its terms have a rule that looks at these values: otherwise the change
 * cannot move a figure, and a plan edit that adds such a rule asks for a refresh itself (decision 0070); only a
 * change while the plan is being rebuilt is noted, so that its swap carries it over (decision 0072). The plan is
 * read after the history is written, so an edit adding a rule meanwhile either shows here or refreshes after it.
 */
export async function applyIssueAttributesChanged(deps: Pick<SyncDeps, 'store' | 'queue' | 'clock'>, issueId: string, news: AttributeNews): Promise<number> {
  const read = await readLink(deps.store, issueId);
  const link = linkOfRead(read);
  if (link === undefined) return 0;
  const planId = linkPlanId(link);
  const outcome = await placeIssue(deps.store, { issueId, target: { planId, facts: linkFactsOf(link) }, attributes: news, link: read }, deps.clock.now());
  if (outcome.writes === 0) return 0;
  if (await figuresMayMove(deps, planId)) await requestFiguresRefresh(deps, planId);
  else if (outcome.targetRebuilding) await noteChangeWhileRebuilding(deps, planId);
  return outcome.writes;
}

/** A plan gone or being deleted has no figures to refresh: its refresh would find no plan to work for. */
async function figuresMayMove(deps: Pick<SyncDeps, 'store'>, planId: string): Promise<boolean> {
  const stored = await planOfJob(deps.store, planId);
  return stored !== undefined && pricesByIssueAttributes(stored.plan);
}
