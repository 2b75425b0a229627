import type { PayloadOf } from '../contract';
import type { Plan } from '../ledger/types';
import { generateDemo } from '../jira-simulator/demo/generate';
import { loadDemo } from '../jira-simulator/demo/load';
import { DEMO_PROJECT, DEMO_USERS } from '../jira-simulator/demo/people';
import type { JiraSimulator } from '../jira-simulator/simulator';
import type { RunningRuntime } from './preview-runtime';
import { seedPortal } from './seed-portal';

const DEMO_SEED = 7;

/** The ledger's read-only plan as the resolver's payload (which wants its own arrays). */
function planInput(plan: Plan): PayloadOf<'plans/create'>['plan'] {
  const thresholdsPercent = [...plan.thresholdsPercent];
  return plan.kind === 'buckets' ? { ...plan, thresholdsPercent, blocks: [...plan.blocks] } : { ...plan, thresholdsPercent };
}

/**
 * Fills a fresh preview with the `small` demo: the site's people, project, issues and worklogs
 * in the simulator, its three plans created by the demo admin through the real resolver, and
 * their aggregates built by a full recompute through the queue; then the help desk's plans for the customer portal.
 */
export async function seedDemo(simulator: JiraSimulator, runtime: RunningRuntime, today: string): Promise<void> {
  const demo = generateDemo({ seed: DEMO_SEED, size: 'small', today });
  loadDemo(simulator, demo);
  const admin = { accountId: DEMO_USERS.admin.accountId, timezone: DEMO_USERS.admin.timeZone };
  const settings = { surface: 'projectSettingsPage', project: { id: DEMO_PROJECT.id, key: DEMO_PROJECT.key } } as const;
  for (const plan of demo.plans) {
    const outcome = await runtime.backend.invoker.invoke('plans/create', { plan: planInput(plan) }, admin, settings);
    if (!outcome.ok) throw new Error(`Seeding the demo plan ${plan.id} failed: ${outcome.error.message}`);
    // The demo's worklogs were loaded, not logged: no event told the app about them.
    await runtime.recompute(plan.id);
  }
  await seedPortal(runtime, demo.serviceDesk, today);
  await runtime.settle();
}
