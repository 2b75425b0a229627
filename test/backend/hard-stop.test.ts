import { expect } from '@jest/globals';
import type { HardStop } from '../../src/contract';
import { figuresHeadKey } from '../../src/app/figures/figures-keys';
import type { Store } from '../../src/app/ports/store';
import { internalIdOfKey } from '../../src/app/scope/plan-scope';
import { requestRecompute } from '../../src/app/sync/request-recompute';
import { createTransitionValidator, VALIDATOR_JIRA_CLIENT, type ValidatorAnswer } from '../../src/forge/events/transition-validator';
import { addLocalTransitionValidator } from '../../src/local/events/local-validator';
import { call } from '../jira-simulator/site';
import { storeOverriding } from '../support/store-overriding';
import { as, backendFixture, ISSUES, on, OTHER_PROJECT, planInput, USERS, type BackendFixture } from './support/backend-fixture';

/**
 * The hard stop: the workflow validator's answers, as Forge would get them from the function `manifest.yml` names,
 * over the local Forge runtime. Acme Gold has 10 h in October; SUP-1 holds 3.5 h of October's work, SUP-2 7 h.
 */

const EXHAUSTED_MESSAGE =
  'The support plan "Acme Gold" has used up its hours: 0 h left of 10 h this period (2026-10), 0.5 h over. Its plan stops work beyond its hours; ask a project admin to add hours or change the plan.';
const UNKNOWN_MESSAGE = 'Support Hours cannot tell right now whether the support plan "Acme Gold" has hours left, and its plan refuses work until it can. Try again in a few minutes.';

async function linkIssues(fixture: BackendFixture, issues: readonly (typeof ISSUES)[keyof typeof ISSUES][]): Promise<void> {
  for (const issue of issues) {
    const linked = await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(issue));
    if (!linked.ok) throw new Error(linked.error.message);
  }
  await fixture.queue.drain();
}

const ACME_GOLD = { planId: 'acme-gold', admin: USERS.admin, project: on.settings() };

/** Sets the plan's hard stop as its project's admin does. */
async function setHardStop(fixture: BackendFixture, hardStop: HardStop, { planId, admin, project } = ACME_GOLD): Promise<void> {
  const read = await fixture.invoker.invoke('plans/get', { planId }, as(admin), project);
  if (!read.ok) throw new Error(read.error.message);
  const saved = await fixture.invoker.invoke('plans/setHardStop', { planId, expectedVersion: read.data.plan.version, hardStop }, as(admin), project);
  if (!saved.ok) throw new Error(saved.error.message);
}

function validatorOver(fixture: BackendFixture, store: Store = fixture.store) {
  const validate = createTransitionValidator(() => ({ store, clock: fixture.services.clock, jira: fixture.jira.app }));
  return (issueKey: string): Promise<ValidatorAnswer> => validate({ issue: { key: issueKey }, configuration: {}, transition: { from: { id: '10000' }, to: { id: '3' }, modifiedFields: {} } });
}

/** The store, except that reading `failingKey` fails as a KVS outage would. */
function failingOn(store: Store, failingKey: string): Store {
  return storeOverriding(store, { get: (key: string) => (key === failingKey ? Promise.reject(new Error('KVS is unavailable (injected)')) : store.get(key)) });
}

describe('the hard stop', () => {
  let fixture: BackendFixture;
  let validate: (issueKey: string) => Promise<ValidatorAnswer>;
  beforeEach(async () => {
    fixture = backendFixture();
    validate = validatorOver(fixture);
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    expect(created.ok).toBe(true);
  });

  it('refuses a transition on an exhausted plan that stops, naming the plan and its balance; lets it through while hours are left', async () => {
    await setHardStop(fixture, { mode: 'stop', whenUnknown: 'allow' });
    await linkIssues(fixture, [ISSUES.sup1]);
    expect(await validate('SUP-1')).toEqual({ result: true });
    await linkIssues(fixture, [ISSUES.sup2]);
    expect(await validate('SUP-1')).toEqual({ result: false, errorMessage: EXHAUSTED_MESSAGE });
    const panel = await fixture.invoker.invoke('issue/get', {}, as(USERS.agent), on.issue(ISSUES.sup2));
    expect(panel.ok && [panel.data.hardStop, panel.data.balance?.thresholdState]).toEqual(['stop', 'exhausted']);
  });

  it('only warns in the panel when the plan warns, and neither warns nor stops when it is off', async () => {
    await linkIssues(fixture, [ISSUES.sup1, ISSUES.sup2]);
    const panel = async () => {
      const view = await fixture.invoker.invoke('issue/get', {}, as(USERS.agent), on.issue(ISSUES.sup1));
      if (!view.ok) throw new Error(view.error.message);
      return [view.data.hardStop, view.data.balance?.thresholdState];
    };
    expect(await panel()).toEqual([undefined, 'exhausted']);
    expect(await validate('SUP-1')).toEqual({ result: true });
    await setHardStop(fixture, { mode: 'warn', whenUnknown: 'refuse' });
    expect(await panel()).toEqual(['warn', 'exhausted']);
    expect(await validate('SUP-1')).toEqual({ result: true });
  });

  it('lets an issue on no plan move on, and one whose property names another project\'s plan, which is no plan of its own', async () => {
    await setHardStop(fixture, { mode: 'stop', whenUnknown: 'refuse' });
    await linkIssues(fixture, [ISSUES.sup1, ISSUES.sup2]);
    const other = await fixture.invoker.invoke('plans/create', { plan: planInput({ id: 'other-plan', name: 'Other' }) }, as(USERS.outsider), on.settings(OTHER_PROJECT));
    expect(other.ok).toBe(true);
    // Another project's plan that stops and fails closed, with no figures yet: counted against it, SUP-3 would be refused.
    await setHardStop(fixture, { mode: 'stop', whenUnknown: 'refuse' }, { planId: 'other-plan', admin: USERS.outsider, project: on.settings(OTHER_PROJECT) });
    const property = (planId: string) => ({ planId, billingClass: 'covered' });
    expect((await call(fixture.simulator, USERS.admin, 'PUT', `/rest/api/3/issue/${ISSUES.sup3.key}/properties/support-plan`, property('other-plan'))).status).toBe(201);
    expect((await call(fixture.simulator, USERS.outsider, 'PUT', `/rest/api/3/issue/${ISSUES.oth1.key}/properties/support-plan`, property('acme-gold'))).status).toBe(201);
    expect([await validate('SUP-3'), await validate('OTH-1'), await validate('SUP-99')]).toEqual([{ result: true }, { result: true }, { result: true }]);
    expect(await validate('SUP-2')).toEqual({ result: false, errorMessage: EXHAUSTED_MESSAGE });
  });

  it('fails open or closed, as the plan says, when its figures cannot be read or are being rebuilt', async () => {
    await linkIssues(fixture, [ISSUES.sup1]);
    await setHardStop(fixture, { mode: 'stop', whenUnknown: 'allow' });
    const internalId = await internalIdOfKey(fixture.store, 'acme-gold');
    if (internalId === undefined) throw new Error('acme-gold was not created');
    const outage = validatorOver(fixture, failingOn(fixture.store, figuresHeadKey(internalId)));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await outage('SUP-1')).toEqual({ result: true });
    await setHardStop(fixture, { mode: 'stop', whenUnknown: 'refuse' });
    expect(await outage('SUP-1')).toEqual({ result: false, errorMessage: UNKNOWN_MESSAGE });
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    // The same plan with hours left, answered from its stored figures once they read again.
    expect(await validate('SUP-1')).toEqual({ result: true });
    expect(await requestRecompute(fixture.services, internalId)).toBe(true);
    expect(await validate('SUP-1')).toEqual({ result: false, errorMessage: UNKNOWN_MESSAGE });
    await setHardStop(fixture, { mode: 'stop', whenUnknown: 'allow' });
    expect(await validate('SUP-1')).toEqual({ result: true });
  });

  it('fails closed before a plan\'s first figures are stored', async () => {
    await setHardStop(fixture, { mode: 'stop', whenUnknown: 'refuse' });
    expect((await call(fixture.simulator, USERS.admin, 'PUT', `/rest/api/3/issue/${ISSUES.sup1.key}/properties/support-plan`, { planId: 'acme-gold', billingClass: 'covered' })).status).toBe(201);
    expect(await validate('SUP-1')).toEqual({ result: false, errorMessage: UNKNOWN_MESSAGE });
  });

  it('lets the transition through when Jira cannot say which plan the issue is on, whatever the plan would choose', async () => {
    const quick = backendFixture({ jiraClient: { maxAttempts: 1 } });
    expect((await quick.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings())).ok).toBe(true);
    await setHardStop(quick, { mode: 'stop', whenUnknown: 'refuse' });
    await linkIssues(quick, [ISSUES.sup1, ISSUES.sup2]);
    expect(await validatorOver(quick)('SUP-1')).toEqual({ result: false, errorMessage: EXHAUSTED_MESSAGE });
    quick.simulator.faults.serverErrors.push({ path: /\/issue\/SUP-1$/, next: 1 });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await validatorOver(quick)('SUP-1')).toEqual({ result: true });
    expect(warn).toHaveBeenCalledWith('Support Hours let SUP-1 move on: its plan could not be read', expect.objectContaining({ status: 500 }));
    warn.mockRestore();
  });

  it('gives Jira up well within Forge\'s 25 s, so that the validator still answers when Jira is slow', () => {
    const { maxAttempts, timeoutMs, maxDelayMs } = VALIDATOR_JIRA_CLIENT;
    expect(maxAttempts * timeoutMs + (maxAttempts - 1) * maxDelayMs).toBeLessThanOrEqual(15_000);
  });

  it('answers from one Jira call and two reads (the plan, its figures head, which holds the current period): no search, no worklog, no replay', async () => {
    await setHardStop(fixture, { mode: 'stop', whenUnknown: 'allow' });
    await linkIssues(fixture, [ISSUES.sup1, ISSUES.sup2]);
    fixture.jira.resetStats();
    fixture.simulator.resetStats();
    fixture.runtime.resetKvsUsage();
    expect((await validate('SUP-1')).result).toBe(false);
    expect(fixture.runtime.kvsUsage()).toEqual({ reads: 2, readUnits: 2, writes: 0, writeUnits: 0, refused: 0 });
    // Jira's points: the call, and the issue it returns.
    expect(fixture.jira.app.stats()).toEqual({ calls: 1, points: 2, retries: 0, byOperation: { 'get-issue': { calls: 1, points: 2, retries: 0 } } });
    expect(Object.keys(fixture.simulator.stats.byRoute)).toEqual(['GET /rest/api/3/issue/{issueIdOrKey}']);
  });

  it('stops "Start progress" in the simulator with Jira\'s 400 and the validator\'s message; other transitions and the issue stay as they were', async () => {
    await setHardStop(fixture, { mode: 'stop', whenUnknown: 'allow' });
    await linkIssues(fixture, [ISSUES.sup1, ISSUES.sup2]);
    addLocalTransitionValidator(fixture.simulator, { store: fixture.store, clock: fixture.services.clock, jira: fixture.jira.app });
    const refused = await call(fixture.simulator, USERS.agent, 'POST', `/rest/api/3/issue/${ISSUES.sup2.key}/transitions`, { transition: { id: '21' } });
    expect(refused).toMatchObject({ status: 400, body: { errorMessages: [EXHAUSTED_MESSAGE], errors: {} } });
    expect(fixture.simulator.snapshot().issues.find((issue) => issue.id === ISSUES.sup2.id)?.statusId).toBeUndefined();
    expect((await call(fixture.simulator, USERS.agent, 'POST', `/rest/api/3/issue/${ISSUES.sup2.key}/transitions`, { transition: { id: '31' } })).status).toBe(204);
    expect((await call(fixture.simulator, USERS.agent, 'POST', `/rest/api/3/issue/${ISSUES.sup3.key}/transitions`, { transition: { id: '21' } })).status).toBe(204);
  });
});
