/**
 * The panel, the gadget and the card read storage while Jira answers the caller's permission call
 * (decision 0075): their reads are made before that answer, their answer comes after it, and a caller
 * Jira refuses gets the refusal alone, having cost a bounded number of reads and no write.
 */
import type { SurfaceTarget } from '../../src/local/forge-context';
import { as, backendFixture, ISSUES, on, planInput, USERS, type BackendFixture } from './support/backend-fixture';

const SURFACES: readonly { readonly name: string; readonly resolver: 'issue/get' | 'usage/gadget' | 'usage/overview'; readonly target: SurfaceTarget; readonly reads: number }[] = [
  { name: 'issue panel', resolver: 'issue/get', target: on.issue(ISSUES.sup1), reads: 4 },
  { name: 'gadget', resolver: 'usage/gadget', target: on.gadget({ projectKey: 'SUP', planId: 'acme-gold' }), reads: 2 },
  { name: 'project page card', resolver: 'usage/overview', target: on.projectPage(), reads: 3 },
];

describe.each(SURFACES)('the $name reads beside the permission call', ({ resolver, target, reads }) => {
  let fixture: BackendFixture;
  beforeEach(async () => {
    fixture = backendFixture();
    expect((await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings())).ok).toBe(true);
    expect((await fixture.invoker.invoke('issue/setLink', { planId: 'acme-gold', billingClass: 'covered' }, as(USERS.agent), on.issue(ISSUES.sup1))).ok).toBe(true);
    await fixture.queue.drain();
  });

  /** Holds the simulator's answers to `mypermissions` until the returned function is called. */
  function holdPermissionAnswers(): () => void {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handle = fixture.simulator.handle.bind(fixture.simulator);
    fixture.simulator.handle = async (request) => {
      if (new URL(request.url).pathname.endsWith('/mypermissions')) await released;
      return handle(request);
    };
    return release;
  }

  /** Lets the call run until it has made `expected` KVS reads, then some more turns in which no further read may come. */
  async function readsWhileHeld(expected: number): Promise<number> {
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    for (let turns = 0; turns < 200 && fixture.runtime.kvsUsage().reads < expected; turns += 1) await turn();
    for (let turns = 0; turns < 20; turns += 1) await turn();
    return fixture.runtime.kvsUsage().reads;
  }

  it('makes all its reads while Jira has not answered, and answers as before once it has', async () => {
    const before = await fixture.invoker.invoke(resolver, {}, as(USERS.manager), target);
    expect(before.ok).toBe(true);
    fixture.runtime.resetKvsUsage();
    const release = holdPermissionAnswers();
    let answered = false;
    const answer = fixture.invoker.invoke(resolver, {}, as(USERS.manager), target).finally(() => {
      answered = true;
    });
    expect(await readsWhileHeld(reads)).toBe(reads);
    expect(answered).toBe(false);
    release();
    expect(await answer).toEqual(before);
  });

  it('answers a caller Jira refuses the refusal alone, having read at most 5 values and written nothing', async () => {
    const refusal = await fixture.invoker.invoke(resolver, {}, as(USERS.outsider), target);
    expect(refusal.ok).toBe(false);
    const stored = await fixture.snapshot();
    fixture.runtime.resetKvsUsage();
    const release = holdPermissionAnswers();
    const answer = fixture.invoker.invoke(resolver, {}, as(USERS.outsider), target);
    expect(await readsWhileHeld(reads)).toBe(reads);
    release();
    expect(await answer).toEqual(refusal);
    expect(fixture.runtime.kvsUsage()).toMatchObject({ writes: 0 });
    expect(fixture.runtime.kvsUsage().reads).toBeLessThanOrEqual(5);
    expect(await fixture.snapshot()).toEqual(stored);
  });
});
