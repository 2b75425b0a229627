import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleFileContents, generateExamples } from '../../examples/generate';
import { demoPlans } from '../../src/jira-simulator/demo/plans';

interface NamedPlan {
  readonly name: string;
  readonly currency: string;
  readonly timeZone: string;
}

/** "Globex: pay as you go" and "Globex — pay as you go" are both Globex's. */
function customerOf(plan: NamedPlan): string {
  return /^(.+?)(?::| —) /.exec(plan.name)?.[1] ?? plan.name;
}

describe('examples/generate.ts', () => {
  it.each(generateExamples().map((example) => [example.scenario, example] as const))(
    'reproduces the committed examples/%s exactly (run npm run examples)',
    (scenario, example) => {
      for (const [file, contents] of Object.entries(exampleFileContents(example))) {
        expect(readFileSync(join(__dirname, '..', '..', 'examples', scenario, file), 'utf8')).toBe(contents);
      }
    },
  );
});

describe('the demo customers', () => {
  const examplePlans = generateExamples().map(
    (example) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', example.scenario, 'plan.json'), 'utf8')) as NamedPlan,
  );
  const sitePlans = demoPlans('2026-10-20');

  it('are the same customers in examples/ as on the demo site (npm start)', () => {
    const siteCustomers = new Set(sitePlans.map(customerOf));
    expect(examplePlans.map(customerOf).filter((customer) => !siteCustomers.has(customer))).toEqual([]);
  });

  it('each have one currency and one time zone across both', () => {
    const settings = new Map<string, Set<string>>();
    for (const plan of [...sitePlans, ...examplePlans]) {
      const customer = customerOf(plan);
      settings.set(customer, (settings.get(customer) ?? new Set()).add(`${plan.currency} ${plan.timeZone}`));
    }
    expect(settings.size).toBe(3);
    for (const [customer, currencyAndZone] of settings) expect([customer, [...currencyAndZone]]).toEqual([customer, [expect.any(String)]]);
  });
});
