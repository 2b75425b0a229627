import fc from 'fast-check';
import type { ResolverName } from '../../src/contract';
import type { SurfaceTarget } from '../../src/local/forge-context';
import { as, backendFixture, ISSUES, on, planInput, USERS } from './support/backend-fixture';

type Payload = Readonly<Record<string, unknown>>;

/** Each write resolver with a payload it would accept from an admin or agent. */
const writes: readonly (readonly [ResolverName, SurfaceTarget, Payload])[] = [
  ['plans/create', on.settings(), { plan: planInput({ id: 'new-plan' }) }],
  ['plans/update', on.settings(), { planId: 'acme-gold', expectedVersion: 1, plan: planInput({ name: 'Changed' }) }],
  ['plans/archive', on.settings(), { planId: 'acme-gold', expectedVersion: 1 }],
  ['plans/delete', on.settings(), { planId: 'acme-gold', expectedVersion: 1 }],
  ['settings/update', on.settings(), { defaultPlanId: 'acme-gold', expectedVersion: 0 }],
  ['issue/setLink', on.issue(ISSUES.sup1), { planId: 'acme-gold', billingClass: 'extra' }],
  ['bulk/link', on.settings(), { jql: 'summary ~ "Issue"', planId: 'acme-gold', countToken: 'not-counted' }],
];

/** The valid payload as it is, or with one field dropped, replaced by any JSON, or added. */
function mutated(payload: Payload): fc.Arbitrary<unknown> {
  const keys = Object.keys(payload);
  const without = (key: string) => Object.fromEntries(Object.entries(payload).filter(([name]) => name !== key));
  return fc.oneof(
    fc.constant(payload),
    fc.constantFrom(...keys).map(without),
    fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([key, value]) => ({ ...payload, [key]: value })),
    fc.tuple(fc.string({ minLength: 1 }), fc.jsonValue()).map(([key, value]) => ({ [key]: value, ...payload })),
    fc.jsonValue(),
  );
}

const calls = fc.constantFrom(...writes).chain(([name, target, payload]) => fc.tuple(fc.constant(name), fc.constant(target), mutated(payload)));

describe('a rejected call', () => {
  const fixture = backendFixture();
  beforeAll(async () => {
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    expect(created.ok).toBe(true);
  });

  it('writes nothing, whoever sends whatever payload', async () => {
    await fc.assert(
      fc.asyncProperty(calls, fc.constantFrom(USERS.admin, USERS.agent, USERS.manager, USERS.outsider), async ([name, target, payload], who) => {
        const before = await fixture.snapshot();
        const answer = await fixture.invoker.invokeWithAnyPayload(name, payload, as(who), target);
        if (!answer.ok) expect(await fixture.snapshot()).toEqual(before);
      }),
      { numRuns: 200, seed: 20261126 },
    );
  });
});
