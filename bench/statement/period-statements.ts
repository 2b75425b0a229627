/**
 * The detailed statement of one period on the figures suite's plan site (63 monthly periods, 0 to 60 of them
 * closed): what the project page's calls cost when the plan's figures are current, while a refresh is pending (the
 * last refresh's, marked), replayed over the whole plan (as every statement was read before a period's own data was
 * stored, and as one still is without a source), and what closing the next period costs.
 */
import { randomUUID } from 'node:crypto';
import { closePeriod } from '../../src/app/closing/close-period';
import { statementSourceKey } from '../../src/app/figures/figures-keys';
import { requestFiguresRefresh } from '../../src/app/figures/request-figures-refresh';
import { STATEMENT_PAGE_MAX_ITEMS, type PayloadOf } from '../../src/contract';
import { DEMO_PROJECT, DEMO_USERS } from '../../src/jira-simulator/demo/people';
import { costOf, type Cost } from '../figures/meter';
import { eventCosts } from '../figures/scenarios';
import { CALLER, PLAN_KEY, periodLabels, type PlanSite } from '../figures/plan-site';
import { timeOf, type Timing } from '../report/timing';

export interface StatementCall {
  readonly what: string;
  readonly cost: Cost;
  readonly timing: Timing;
  /** Bytes of the call's answer (JSON). */
  readonly bytes: number;
}

export interface TimingPlan {
  readonly runs: number;
  readonly warmUps: number;
}

const ADMIN_CONTEXT = { actor: { accountId: DEMO_USERS.admin.accountId }, project: { id: DEMO_PROJECT.id, key: DEMO_PROJECT.key } };

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

type StatementResolver = 'usage/statement' | 'usage/statementPage' | 'usage/advice';

function resolverCall<Name extends StatementResolver>(site: PlanSite, name: Name, payload: PayloadOf<Name>): () => Promise<number> {
  return async () => {
    const answer = await site.backend.invoker.invoke(name, payload, CALLER, site.targets.projectPage);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
    return bytesOf(answer);
  };
}

/** One call's reads and units (after a warm-up), its answer's size, then its time over `timing.runs` runs. */
async function measured(site: PlanSite, what: string, call: () => Promise<number>, timing: TimingPlan): Promise<StatementCall> {
  let bytes = await call();
  const cost = await costOf(site, async () => {
    bytes = await call();
  });
  return { what, cost, bytes, timing: await timeOf(call, timing.runs, timing.warmUps) };
}

/** The current period's label (the plan site's clock stands in its last period) and the first open one's. */
function labels(closed: number): { readonly current: string; readonly firstOpen: string; readonly lastClosed: string | undefined } {
  const all = periodLabels();
  return { current: all[all.length - 1] ?? '', firstOpen: all[closed] ?? '', lastClosed: closed > 0 ? all[closed - 1] : undefined };
}

const HOUR = 3600;

/** Five candidates, one buying top-ups of 20 h whenever the bank runs empty: what a manager compares on the Advice form. */
const ADVICE_CANDIDATES: PayloadOf<'usage/advice'>['candidates'] = [
  { name: 'as now', terms: {} },
  { name: '200 h', terms: { allowance: { includedSeconds: 200 * HOUR, fixedFeeMinor: 1_500_000 } } },
  { name: '400 h', terms: { allowance: { includedSeconds: 400 * HOUR, fixedFeeMinor: 2_800_000 } } },
  { name: '800 h with rollover', terms: { allowance: { includedSeconds: 800 * HOUR, fixedFeeMinor: 5_200_000, rollover: { capSeconds: 800 * HOUR, expiresAfterPeriods: 1 } } } },
  { name: 'blocks of 20 h', terms: { allowance: null, blocks: { topUpSeconds: 20 * HOUR, priceMinor: 160_000 } } },
];

/** The project page's statement calls with the plan's figures current, and its plan-fit advice over 12 and 24 periods. */
export async function currentStatementCalls(site: PlanSite, closed: number, timing: TimingPlan): Promise<StatementCall[]> {
  await site.queue.settle();
  const { current, firstOpen, lastClosed } = labels(closed);
  const summary = (period: string) => resolverCall(site, 'usage/statement', { planId: PLAN_KEY, period });
  const page = (payload: PayloadOf<'usage/statementPage'>) => resolverCall(site, 'usage/statementPage', payload);
  const ref = { planId: PLAN_KEY, period: current };
  const rows = [
    await measured(site, `\`usage/statement\`, the current period (${current})`, summary(current), timing),
    await measured(site, `\`usage/statementPage\`, ${STATEMENT_PAGE_MAX_ITEMS.toLocaleString('en-US')} lines of it`, page({ ...ref, list: 'lines', offset: 0, limit: STATEMENT_PAGE_MAX_ITEMS }), timing),
    await measured(site, '`usage/statementPage`, its first 100 lines by billable hours', page({ ...ref, list: 'lines', offset: 0, limit: 100, sort: { key: 'rounded', descending: true } }), timing),
  ];
  if (firstOpen !== current) rows.push(await measured(site, `\`usage/statement\`, the first open period (${firstOpen})`, summary(firstOpen), timing));
  if (lastClosed !== undefined) rows.push(await measured(site, `\`usage/statement\`, the last closed period (${lastClosed})`, summary(lastClosed), timing));
  for (const periods of [12, 24]) {
    const advice = resolverCall(site, 'usage/advice', { planId: PLAN_KEY, periods, candidates: ADVICE_CANDIDATES });
    rows.push(await measured(site, `\`usage/advice\`, the last ${periods} complete periods, ${ADVICE_CANDIDATES.length} candidates (one buying top-ups)`, advice, timing));
  }
  return rows;
}

/** The current period's summary while a refresh is asked for and not run: the last refresh's, marked `updating` (decision 0064). */
export async function updatingStatementCall(site: PlanSite, timing: TimingPlan): Promise<StatementCall> {
  await site.queue.settle();
  await requestFiguresRefresh(site.deps, site.planId);
  const { current } = labels(0);
  const call = resolverCall(site, 'usage/statement', { planId: PLAN_KEY, period: current });
  const marked = await site.backend.invoker.invoke('usage/statement', { planId: PLAN_KEY, period: current }, CALLER, site.targets.projectPage);
  if (!marked.ok || marked.data.updating === null) throw new Error('the statement with a refresh pending was not marked updating');
  const row = await measured(site, '`usage/statement`, the current period, a refresh pending (the last refresh\'s, marked updating)', call, timing);
  await site.queue.settle();
  return row;
}

/**
 * The current period's summary replayed over the whole plan (every closed period's frozen statement too), as every
 * statement was before a period's own data was stored, and as one still is without a source (a plan's first
 * refresh, an upgrade) or after its terms were edited (decision 0065): a refresh is asked for and the period's
 * source dropped; the refresh run after it writes the source again.
 */
export async function replayedStatementCall(site: PlanSite, timing: TimingPlan): Promise<StatementCall> {
  await site.queue.settle();
  await requestFiguresRefresh(site.deps, site.planId);
  const { current } = labels(0);
  await site.store.delete(statementSourceKey(site.planId, current));
  const row = await measured(site, `\`usage/statement\`, the current period, replayed over the whole plan (no source)`, resolverCall(site, 'usage/statement', { planId: PLAN_KEY, period: current }), timing);
  await site.queue.settle();
  return row;
}

/** Closing the period at index `index` (every one before it closed, the figures current), with the real close. */
export async function closeCall(site: PlanSite, index: number): Promise<StatementCall> {
  await site.queue.settle();
  const label = periodLabels()[index] ?? '';
  const ports = { store: site.store, clock: site.clock, queue: site.queue, newId: randomUUID };
  let bytes = 0;
  const cost = await costOf(site, async () => {
    const closed = await closePeriod(ports, ADMIN_CONTEXT, { planId: PLAN_KEY, period: label });
    if (!closed.ok) throw new Error(`closing ${label} was refused: ${JSON.stringify(closed)}`);
    bytes = bytesOf(closed);
  });
  await site.queue.settle();
  return { what: `closing ${label} (the plan's refresh after it not included)`, cost, bytes, timing: { medianMs: cost.ms, p95Ms: cost.ms } };
}

/** The refresh a worklog event in the current period asks for, which writes the period's changed chunks and source besides the figures. */
export async function eventRefreshCall(site: PlanSite): Promise<StatementCall> {
  const { refresh } = await eventCosts(site, site.clock.now() - 2 * 3_600_000);
  return { what: "the refresh after a worklog event in the current period (the figures' and the sources' records)", cost: refresh, bytes: 0, timing: { medianMs: refresh.ms, p95Ms: refresh.ms } };
}
