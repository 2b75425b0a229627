/**
 * An edit of a plan as term versions: edited terms apply from a chosen period on and replace every version from that
 * period on; identity and blocks are edited in place; nothing a closed period was priced by may change.
 */
import type { TermVersion } from '../../contract';
import { amendedPlanSchema } from '../../input/plan';
import { listPeriods, planAsOneVersion } from '../../ledger';
import { createPeriodCalendar } from '../../ledger/period-calendar';
import type { Period, Plan, PrepaidBlock } from '../../ledger/types';
import { conflict, invalid, type ClosedChange, type Refused, type UseCaseOutcome } from '../refusal';

export interface AmendRequest {
  /** The plan as the form sends it: one version, with the blocks of every version. */
  readonly edited: Plan;
  /** The first period the edited terms apply to, a period of the plan as it is now. */
  readonly effectiveFrom: Period;
  /** The plan's last closed period (periods are closed in order, so every one before it is closed too); null: none. */
  readonly lastClosed: Period | null;
  /** Who makes the change, when, and the plan revision it makes. */
  readonly maker: Pick<TermVersion, 'madeAt' | 'madeBy' | 'planVersion'>;
}

export interface Amended {
  readonly plan: Plan;
  readonly terms: readonly TermVersion[];
  /** The first period of the edited terms: the one asked for, or the plan's first when the edit rebuilt every version. */
  readonly effectiveFrom: Period;
}

type Fields = Record<string, unknown>;

/** Fields that hold for the plan's whole life: a change to one changes every period, closed ones too. */
const FOR_LIFE = ['kind', 'currency', 'timeZone', 'startDate'] as const;
/** Fields whose change rebuilds every version: boundaries and blocks are counted from them. */
const REBUILDS_VERSIONS = ['kind', 'startDate'] as const;
const IDENTITY = new Set(['id', 'name', 'currency', 'timeZone', 'startDate', 'endDate', 'alertRecipients']);
/** Everything of a plan's fields that is not one version's terms (blocks are dated and edited as one list). */
const NOT_TERMS = new Set([...IDENTITY, 'amendments', 'blocks']);

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A version's terms without its blocks, which are dated and edited as one list. */
function termsOf(terms: object): Fields {
  return Object.fromEntries(Object.entries(terms).filter(([key]) => !NOT_TERMS.has(key)));
}

function identityOf(plan: Plan): Fields {
  return Object.fromEntries(Object.entries(plan).filter(([key]) => IDENTITY.has(key)));
}

function blocksOf(plan: Plan): readonly PrepaidBlock[] {
  const single = planAsOneVersion(plan, 0);
  return single.kind === 'buckets' ? single.blocks : [];
}

/**
 * The plan after the edit, with its term versions and who made each, or the refusal that names the closed period the
 * edit would change.
 *
 * @example
 * amendPlan(current, { edited, effectiveFrom: october, lastClosed: september, maker }) // version 2 from 2026-10
 */
export function amendPlan(current: { readonly plan: Plan; readonly terms: readonly TermVersion[] }, request: AmendRequest): UseCaseOutcome<Amended> {
  const { edited, maker } = request;
  const rebuilt = REBUILDS_VERSIONS.some((field) => !sameJson(current.plan[field], edited[field]));
  const firstPeriod = createPeriodCalendar(current.plan).period(0);
  const effectiveFrom = rebuilt && firstPeriod !== null ? firstPeriod : request.effectiveFrom;
  const termsChange = rebuilt || !sameJson(termsOf(planAsOneVersion(current.plan, effectiveFrom.index)), termsOf(edited));
  const refused = closedChange(current.plan, request, termsChange);
  if (refused !== null) return refused;

  const versionStarts = createPeriodCalendar(current.plan).versionStarts;
  const kept = rebuilt ? 0 : termsChange ? versionStarts.filter((index) => index < effectiveFrom.index).length : versionStarts.length;
  const currentVersions: Fields[] = [termsOf(current.plan), ...(current.plan.amendments ?? []).map((amendment) => termsOf(amendment))];
  const versions = termsChange ? [...currentVersions.slice(0, kept), { ...(kept === 0 ? {} : { from: effectiveFrom.label }), ...termsOf(edited) }] : currentVersions;
  const unblocked = parseAmended({ ...identityOf(edited), ...versions[0], ...(versions.length > 1 ? { amendments: versions.slice(1) } : {}) });
  if (!unblocked.ok) return unblocked;
  const parsed = parseAmended(withBlocks(unblocked.data, blocksOf(edited)));
  if (!parsed.ok) return parsed;
  const made = termsChange ? [{ version: kept + 1, from: rebuilt ? edited.startDate.slice(0, 7) : effectiveFrom.label, ...maker }] : [];
  return { ok: true, data: { plan: parsed.data, terms: [...current.terms.slice(0, termsChange ? kept : undefined), ...made], effectiveFrom } };
}

/** The refusal for an edit that would change a closed period, or null when it changes none. */
function closedChange(plan: Plan, { edited, lastClosed, effectiveFrom }: AmendRequest, termsChange: boolean): Refused | null {
  if (lastClosed === null) return null;
  const nextOpenLabel = createPeriodCalendar(plan).period(lastClosed.index + 1)?.label ?? null;
  const refuse = (period: Period, change: ClosedChange) => conflict({ what: 'closed-period-change', periodLabel: period.label, nextOpenLabel, change });
  const lifelong = FOR_LIFE.find((field) => !sameJson(plan[field], edited[field]));
  if (lifelong !== undefined) return refuse(lastClosed, { kind: 'identity', field: lifelong });
  const closedPeriods = listPeriods(plan, lastClosed.start);
  const closedOn = (block: PrepaidBlock | undefined) =>
    block && closedPeriods.find((period) => period.startDate <= block.purchasedOn && block.purchasedOn < period.endDateExclusive);
  const before = new Map(blocksOf(plan).map((block) => [block.id, block]));
  const after = new Map(blocksOf(edited).map((block) => [block.id, block]));
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    if (sameJson(before.get(id), after.get(id))) continue;
    const period = closedOn(before.get(id)) ?? closedOn(after.get(id));
    if (period !== undefined) return refuse(period, { kind: 'block', blockId: id });
  }
  if (termsChange && effectiveFrom.index <= lastClosed.index) return refuse(lastClosed, { kind: 'terms' });
  const cutsClosed = edited.endDate !== plan.endDate && edited.endDate !== undefined && edited.endDate < lastClosed.endDateExclusive;
  return cutsClosed ? refuse(lastClosed, { kind: 'identity', field: 'endDate' }) : null;
}

/** The plan's fields read as a stored plan, or the refusal that says why they make no plan. */
function parseAmended(fields: Fields): UseCaseOutcome<Plan> {
  const parsed = amendedPlanSchema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data };
  const message = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  return invalid('plan', { what: 'plan-versions', message });
}

/** The plan with each block given to the version in force on its purchase day. */
function withBlocks(plan: Plan, blocks: readonly PrepaidBlock[]): Fields {
  if (plan.kind !== 'buckets') return { ...plan };
  const calendar = createPeriodCalendar(plan);
  const startDates = calendar.versionStarts.map((index) => calendar.period(index)?.startDate ?? plan.startDate);
  const versionOf = (block: PrepaidBlock) => Math.max(0, startDates.filter((date) => date <= block.purchasedOn).length - 1);
  const blocksOfVersion = (version: number) => blocks.filter((block) => versionOf(block) === version);
  const amendments = plan.amendments?.map((amendment, position) => ({ ...amendment, blocks: blocksOfVersion(position + 1) }));
  return { ...plan, blocks: blocksOfVersion(0), ...(amendments === undefined ? {} : { amendments }) };
}
