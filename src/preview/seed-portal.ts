import type { CustomerAccess, PayloadOf } from '../contract';
import { DEMO_CUSTOMERS } from '../jira-simulator/demo/customers';
import { DEMO_USERS } from '../jira-simulator/demo/people';
import { firstOfMonth } from '../jira-simulator/demo/plans';
import { DEMO_ORGANIZATION_IDS, type DemoServiceDesk } from '../jira-simulator/demo/service-desk';
import type { RunningRuntime } from './preview-runtime';

type PlanInput = Extract<PayloadOf<'plans/create'>['plan'], { kind: 'buckets' }>;

interface PortalPlan {
  readonly organizationId: string;
  readonly customer: { readonly currency: string; readonly timeZone: string };
  readonly plan: { readonly id: string; readonly name: string; readonly includedHours: number };
  /** Who sees it in the portal; null: nobody (never set). */
  readonly access: CustomerAccess | null;
}

/** One support plan per organisation of the help desk (it names the organisation), and who among its customers sees it in the portal. */
const PORTAL_PLANS: readonly PortalPlan[] = [
  {
    organizationId: DEMO_ORGANIZATION_IDS.acme,
    customer: DEMO_CUSTOMERS.acme,
    plan: { id: 'acme-help', name: 'Acme Corp — help desk, 10 h/month', includedHours: 10 },
    // Acme's members see hours and money; agents' names too.
    access: { audience: 'organizations', accountIds: [], showAmounts: true, showAgentNames: true },
  },
  {
    organizationId: DEMO_ORGANIZATION_IDS.globex,
    customer: DEMO_CUSTOMERS.globex,
    plan: { id: 'globex-help', name: 'Globex — help desk, 8 h/month', includedHours: 8 },
    // Globex's members see hours only.
    access: { audience: 'organizations', accountIds: [], showAmounts: false, showAgentNames: false },
  },
  {
    organizationId: DEMO_ORGANIZATION_IDS.initech,
    customer: DEMO_CUSTOMERS.initech,
    plan: { id: 'initech-help', name: 'Initech — help desk, 6 h/month', includedHours: 6 },
    // Initech's plan is not shared: its customer sees nothing.
    access: null,
  },
];

/**
 * The customer portal's demo: a plan in the help desk for each organisation, naming it (new requests of the organisation
 * follow it), the organisation's existing requests linked to it by the demo admin through the real resolvers, the plans'
 * work recomputed, and two of them shown to their organisations' members.
 */
export async function seedPortal(runtime: RunningRuntime, serviceDesk: DemoServiceDesk, today: string): Promise<void> {
  const admin = { accountId: DEMO_USERS.admin.accountId, timezone: DEMO_USERS.admin.timeZone };
  const project = { id: serviceDesk.project.id, key: serviceDesk.project.key };
  const settings = { surface: 'projectSettingsPage', project } as const;
  const must = <T>(what: string, outcome: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
    if (!outcome.ok) throw new Error(`Seeding the portal demo failed (${what}): ${outcome.error.message}`);
    return outcome.data;
  };
  for (const { organizationId, customer, plan, access } of PORTAL_PLANS) {
    const input: PlanInput = {
      kind: 'buckets',
      id: plan.id,
      name: plan.name,
      currency: customer.currency,
      timeZone: customer.timeZone,
      startDate: firstOfMonth(today, -3),
      period: 'month',
      rounding: { incrementSeconds: 900, minimumSeconds: 900 },
      thresholdsPercent: [80, 100],
      extraRateMinor: 15_000,
      allowance: { includedSeconds: plan.includedHours * 3600, fixedFeeMinor: 50_000 },
      blocks: [],
      overageRateMinor: 12_000,
    };
    const created = must(`plan ${plan.id}`, await runtime.backend.invoker.invoke('plans/create', { plan: input }, admin, settings));
    const stored = must(
      `organisation of ${plan.id}`,
      await runtime.backend.invoker.invoke('plans/setOrganizations', { planId: plan.id, expectedVersion: created.version, organizationIds: [organizationId] }, admin, settings),
    );
    for (const request of serviceDesk.requests.filter((candidate) => candidate.organizationIds?.includes(organizationId) === true)) {
      const target = { surface: 'issuePanel', issue: { id: request.id, key: request.key }, project } as const;
      must(`link ${request.key}`, await runtime.backend.invoker.invoke('issue/setLink', { planId: plan.id, billingClass: 'covered' }, admin, target));
    }
    if (access !== null) {
      must(`share ${plan.id}`, await runtime.backend.invoker.invoke('plans/setCustomerAccess', { planId: plan.id, expectedVersion: stored.version, customerAccess: access }, admin, settings));
    }
    // The requests' worklogs were loaded, not logged: no event told the app about them.
    await runtime.recompute(plan.id);
  }
}
