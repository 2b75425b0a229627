/**
 * The workflow validator's answer (decision 0060): may this issue move on, given its plan's hours? It reads the
 * stored figures only — the issue from Jira (one call, as the app: the validator's payload names only the issue's
 * key), then the plan, its figures head and at most one period's figures from storage — and never replays the ledger
 * or searches Jira, so it answers well within Forge's 25 s whatever the plan's size.
 */
import { hardStopOf, type HardStop, type StoredPlan } from '../../contract';
import { hoursText as hours } from '../hours-text';
import { figuresView, readFiguresHead, readPeriodFigures } from '../figures/read-plan-figures';
import type { Clock } from '../ports/clock';
import type { IssueReader } from '../ports/jira';
import type { Store } from '../ports/store';
import { loadPlanInProject } from '../plans/plan-in-project';
import { internalIdOf } from '../plans/plan-repository';
import { isExhausted } from '../usage/plan-card';
import { reportingPeriod } from '../usage/reporting-period';

export interface TransitionCheckPorts {
  readonly store: Store;
  readonly clock: Clock;
  /** Jira as the app: the validator runs with no user. */
  readonly jira: IssueReader;
}

/** What Forge expects of a validator function. */
export interface TransitionCheck {
  readonly result: boolean;
  /** Shown by Jira when `result` is false. */
  readonly errorMessage?: string;
}

/** The issue does not exist, has no valid `support-plan` property, or names no plan of its own project. */
const ALLOW_NO_PLAN: TransitionCheck = { result: true };

export async function checkTransition(ports: TransitionCheckPorts, issueKey: string): Promise<TransitionCheck> {
  let stored: StoredPlan;
  try {
    const issue = await ports.jira.getIssue(issueKey);
    if (!issue?.link) return ALLOW_NO_PLAN;
    // A property naming another project's plan is no plan: an issue never counts against another project's plan.
    const found = await loadPlanInProject(ports.store, { projectId: issue.projectId }, issue.link.planId);
    if (!found.ok) return ALLOW_NO_PLAN;
    stored = found.data.stored;
  } catch (error) {
    // No plan to ask whether to fail closed: failing closed here would stop every issue of the site, on a plan or not.
    console.warn(`Support Hours let ${issueKey} move on: its plan could not be read`, error);
    return { result: true };
  }
  const hardStop = hardStopOf(stored);
  if (hardStop.mode !== 'stop') return { result: true };
  try {
    return await checkFigures(ports, stored, hardStop);
  } catch (error) {
    console.warn(`Support Hours could not read the figures of plan ${stored.plan.id} for ${issueKey}`, error);
    return unknown(stored, hardStop);
  }
}

async function checkFigures(ports: TransitionCheckPorts, stored: StoredPlan, hardStop: HardStop): Promise<TransitionCheck> {
  const now = ports.clock.now();
  const head = await readFiguresHead(ports.store, internalIdOf(stored));
  const view = figuresView(head, stored);
  // A full recompute rebuilds the plan's work from Jira: until it is swapped in, the stored figures may miss issues.
  if (view === undefined || head.rebuilding === true) return unknown(stored, hardStop);
  const read = await readPeriodFigures(ports.store, stored, view, reportingPeriod(stored.plan, now), now);
  if (read === undefined) return unknown(stored, hardStop);
  const { figures } = read;
  if (!isExhausted(figures)) return { result: true };
  const balance = `${hours(figures.remainingSeconds)} left of ${hours(figures.availableSeconds)} this period (${figures.period.label})`;
  const overage = figures.overageSeconds > 0 ? `, ${hours(figures.overageSeconds)} over` : '';
  return {
    result: false,
    errorMessage: `The support plan "${stored.plan.name}" has used up its hours: ${balance}${overage}. Its plan stops work beyond its hours; ask a project admin to add hours or change the plan.`,
  };
}

function unknown(stored: StoredPlan, hardStop: HardStop): TransitionCheck {
  if (hardStop.whenUnknown === 'allow') return { result: true };
  return {
    result: false,
    errorMessage: `Support Hours cannot tell right now whether the support plan "${stored.plan.name}" has hours left, and its plan refuses work until it can. Try again in a few minutes.`,
  };
}
