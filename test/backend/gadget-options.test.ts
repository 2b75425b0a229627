import { as, backendFixture, on, OTHER_PROJECT, planInput, USERS, type BackendFixture } from './support/backend-fixture';

describe('gadget/options: the projects and plans the gadget\'s edit view offers', () => {
  let fixture: BackendFixture;
  beforeAll(async () => {
    fixture = backendFixture();
    for (const plan of [planInput(), planInput({ id: 'acme-bronze', name: 'Acme Bronze' }), planInput({ id: 'old-plan', name: 'Old plan' })]) {
      await fixture.invoker.invoke('plans/create', { plan }, as(USERS.admin), on.settings());
    }
    const archived = await fixture.invoker.invoke('plans/archive', { planId: 'old-plan', expectedVersion: 1 }, as(USERS.admin), on.settings());
    expect(archived.ok).toBe(true);
  });

  it('offers a project reader the project\'s active plans, by name, from one Jira call per project with plans', async () => {
    fixture.jira.resetStats();
    const options = await fixture.invoker.invoke('gadget/options', {}, as(USERS.manager), on.gadget());
    expect(options).toEqual({
      ok: true,
      data: {
        projects: [{ projectId: '10000', projectKey: 'SUP', plans: [{ planId: 'acme-bronze', planName: 'Acme Bronze' }, { planId: 'acme-gold', planName: 'Acme Gold' }] }],
        truncated: false,
      },
    });
    expect(fixture.jira.forUser(USERS.manager.accountId).stats().calls).toBe(1);
  });

  it('offers nothing to someone who may browse no project with plans', async () => {
    expect(await fixture.invoker.invoke('gadget/options', {}, as(USERS.outsider), on.gadget())).toEqual({ ok: true, data: { projects: [], truncated: false } });
  });

  it('offers each person only the projects they may browse', async () => {
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput({ id: 'oth-silver', name: 'Other Silver' }) }, as(USERS.outsider), on.settings(OTHER_PROJECT));
    expect(created.ok).toBe(true);
    fixture.jira.resetStats();
    const outsider = await fixture.invoker.invoke('gadget/options', {}, as(USERS.outsider), on.gadget());
    expect(outsider).toEqual({ ok: true, data: { projects: [{ projectId: '20000', projectKey: 'OTH', plans: [{ planId: 'oth-silver', planName: 'Other Silver' }] }], truncated: false } });
    expect(fixture.jira.forUser(USERS.outsider.accountId).stats().calls).toBe(2);
    const agent = await fixture.invoker.invoke('gadget/options', {}, as(USERS.agent), on.gadget());
    expect(agent.ok && agent.data.projects.map((project) => [project.projectKey, project.plans.map((plan) => plan.planId)])).toEqual([['SUP', ['acme-bronze', 'acme-gold']]]);
  });

  it('refuses a payload with fields, naming them', async () => {
    const refused = await fixture.invoker.invokeWithAnyPayload('gadget/options', { projectKey: 'SUP' }, as(USERS.manager), on.gadget());
    expect(refused).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'The request is not valid: projectKey is not a known field.', fields: [{ path: 'projectKey', message: 'is not a known field' }] },
    });
  });

  it('answers no one without a signed-in account', async () => {
    const answer = await fixture.invoker.invokeFrame({ functionKey: 'gadget/options', payload: {}, context: { accountId: '', extension: { type: 'jira:dashboardGadget' } } });
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Support Hours answers only signed-in Jira users on its own surfaces.' } });
  });
});
