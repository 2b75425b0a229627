import { contract, outcomeSchema, type ResolverName } from '../../src/contract';
import { as, backendFixture, on, USERS } from './support/backend-fixture';

const names = Object.keys(contract).filter((name): name is ResolverName => name in contract);

describe('the resolver as Forge calls it', () => {
  const fixture = backendFixture();

  it.each(names)('defines %s, answering in the contract\'s shape', async (name) => {
    const answer = await fixture.invoker.invokeFrame({ functionKey: name, payload: {}, context: { accountId: USERS.manager.accountId, extension: { type: 'jira:projectPage' } } });
    expect(outcomeSchema(contract[name].result).safeParse(answer).success).toBe(true);
  });

  it('defines nothing the contract does not name', async () => {
    await expect(fixture.invoker.invokeFrame({ functionKey: 'plans/export-everything', payload: {}, context: { accountId: USERS.admin.accountId } })).rejects.toThrow(
      "Resolver has no definition for 'plans/export-everything'.",
    );
  });

  it('answers no one without a signed-in account', async () => {
    const answer = await fixture.invoker.invokeFrame({ functionKey: 'plans/list', payload: {}, context: { accountId: '', extension: { type: 'jira:projectPage', project: { id: '10000', key: 'SUP' } } } });
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Support Hours answers only signed-in Jira users on its own surfaces.' } });
  });

  it('passes on Jira\'s refusal of an account it does not know', async () => {
    const answer = await fixture.invoker.invoke('plans/list', {}, { accountId: 'acc-stranger' }, on.projectPage());
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Jira did not allow this for your account.' } });
  });

  it('refuses a project resolver called from a surface without a project', async () => {
    const answer = await fixture.invoker.invoke('plans/list', {}, as(USERS.admin), on.gadget());
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'This action is only available from a Jira project or issue.' } });
  });

  it('refuses an issue resolver called from a project page', async () => {
    const answer = await fixture.invoker.invoke('issue/get', {}, as(USERS.admin), on.projectPage());
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'This action is only available from a Jira issue.' } });
  });
});
