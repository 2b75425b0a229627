/** The production clients over local Forge runtimes: sites kept apart, and each request made as its own user. */
import { fixedClock } from '../../src/app/ports/clock';
import { APP_ACCOUNT } from '../../src/jira-simulator/model';
import { localForge } from '../../src/local/forge-runtime/local-forge';
import { LocalForgeRuntime } from '../../src/local/forge-runtime/local-forge-runtime';
import type { SimUser } from '../../src/jira-simulator/model';
import { AGENT, ADMIN, buildState, newSimulator, SUP, VIEWER } from '../jira-simulator/site';

const clock = fixedClock(Date.parse('2026-10-20T12:00:00Z'));

describe('local Forge runtimes', () => {
  it("keep two sites' stores apart in one process, whichever was entered last", async () => {
    const first = localForge(LocalForgeRuntime.inMemory({ clock }));
    const second = localForge(LocalForgeRuntime.inMemory({ clock }));

    await first.store.set('plan:a', 'first');
    await second.store.set('plan:a', 'second');
    await second.store.update('plan:b', () => 'only second');

    expect([await first.store.get('plan:a'), await second.store.get('plan:a'), await first.store.get('plan:b')]).toEqual(['first', 'second', undefined]);
    expect([first.runtime.kvsUsage().writes, second.runtime.kvsUsage().writes]).toEqual([1, 2]);
  });

  it("send each user's requests as that user, while several users' calls run at once", async () => {
    const { simulator } = newSimulator({ ...buildState(), users: [...buildState().users, { ...APP_ACCOUNT, permissions: {} }] });
    const runtime = LocalForgeRuntime.inMemory({ clock, jira: { baseUrl: 'http://jira.test', fetch: simulator.fetch, users: [ADMIN, AGENT, VIEWER], app: APP_ACCOUNT } });
    const { jira } = localForge(runtime);
    const asked = ['ADMINISTER_PROJECTS', 'EDIT_ISSUES', 'BROWSE_PROJECTS'] as const;
    const callers = [ADMIN, AGENT, VIEWER, AGENT, ADMIN, VIEWER];

    const answers = await Promise.all(callers.map((user) => jira.forUser(user.accountId).myPermissions({ projectKey: SUP.key }, asked)));
    const asApp = await jira.app.myPermissions({ projectKey: SUP.key }, asked);

    const held = (user: SimUser) => asked.filter((permission) => user.permissions[SUP.id]?.includes(permission));
    expect(answers.map((permissions) => [...permissions].sort())).toEqual(callers.map((user) => held(user).sort()));
    // Jira grants the app's account what its scopes allow, which is more than any of these users holds.
    expect([...asApp].sort()).toEqual([...asked].sort());
  });
});
