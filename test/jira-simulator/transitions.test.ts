import { expect } from '@jest/globals';
import type { ProductEvent } from '../../src/jira-simulator/events';
import type { ValidatorPayload } from '../../src/jira-simulator/workflow';
import { AGENT, buildIssue, buildState, call, newSimulator } from './site';

/** The site's workflow and the app validators added to its transitions. */
describe('workflow transitions', () => {
  function site() {
    const { simulator } = newSimulator(buildState([buildIssue(1)], []));
    const events: ProductEvent[] = [];
    simulator.onEvent((event) => void events.push(event));
    return { simulator, events };
  }

  it('lists the transitions out of the issue\'s status and moves it, with an issue-updated event naming the status change', async () => {
    const { simulator, events } = site();
    const listed = await call(simulator, AGENT, 'GET', '/rest/api/3/issue/SUP-1/transitions');
    expect((listed.body as { transitions: { id: string; name: string }[] }).transitions.map((transition) => [transition.id, transition.name])).toEqual([
      ['21', 'Start progress'],
      ['31', 'Done'],
    ]);
    expect((await call(simulator, AGENT, 'POST', '/rest/api/3/issue/SUP-1/transitions', { transition: { id: '21' } })).status).toBe(204);
    await simulator.idle();
    expect(simulator.snapshot().issues[0]?.statusId).toBe('3');
    expect(events).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:updated:issue',
        changelog: { id: expect.any(String), items: [{ field: 'status', fieldId: 'status', fieldtype: 'jira', from: '10000', fromString: 'To Do', to: '3', toString: 'In Progress' }] },
      }),
    ]);
  });

  it('asks a validator only on the transitions it was added to, with Forge\'s payload, and answers its refusal as Jira\'s 400 changing nothing', async () => {
    const { simulator, events } = site();
    const payloads: ValidatorPayload[] = [];
    simulator.addWorkflowValidator({
      transitionIds: ['21'],
      validate: (payload) => {
        payloads.push(payload);
        return Promise.resolve({ result: false, errorMessage: 'No hours left.' });
      },
    });
    const refused = await call(simulator, AGENT, 'POST', '/rest/api/3/issue/SUP-1/transitions', { transition: { id: '21' } });
    expect(refused).toMatchObject({ status: 400, body: { errorMessages: ['No hours left.'], errors: {} } });
    expect(payloads).toEqual([{ issue: { key: 'SUP-1' }, configuration: {}, transition: { from: { id: '10000' }, to: { id: '3' }, modifiedFields: {} } }]);
    expect((await call(simulator, AGENT, 'POST', '/rest/api/3/issue/SUP-1/transitions', { transition: { id: '31' } })).status).toBe(204);
    await simulator.idle();
    expect(payloads).toHaveLength(1);
    expect([simulator.snapshot().issues[0]?.statusId, events.length]).toEqual(['10001', 1]);
  });

  it('refuses with Jira\'s own message when a validator fails to answer or gives no message', async () => {
    const { simulator } = site();
    const remove = simulator.addWorkflowValidator({ transitionIds: ['21'], validate: () => Promise.reject(new Error('timed out')) });
    expect((await call(simulator, AGENT, 'POST', '/rest/api/3/issue/SUP-1/transitions', { transition: { id: '21' } })).body).toEqual({ errorMessages: ['The transition failed validation.'], errors: {} });
    remove();
    simulator.addWorkflowValidator({ transitionIds: ['21'], validate: () => Promise.resolve({ result: false }) });
    expect((await call(simulator, AGENT, 'POST', '/rest/api/3/issue/SUP-1/transitions', { transition: { id: '21' } })).body).toEqual({ errorMessages: ['The transition failed validation.'], errors: {} });
    expect(simulator.snapshot().issues[0]?.statusId).toBeUndefined();
  });
});
