import { expect } from '@jest/globals';
import { PEOPLE_NAMES_TTL_MS } from '../../src/app/people/people-names';
import { as, backendFixture, NOW, on, USERS, type BackendFixture } from './support/backend-fixture';

/** The simulator's avatars: generated initials, inline. */
const AVATAR = expect.stringMatching(/^data:image\/svg\+xml;base64,/);

describe('people/names: display names for the account ids a screen shows', () => {
  let now = NOW;
  let fixture: BackendFixture;
  const bulkCalls = () => fixture.simulator.stats.byRoute['GET /rest/api/3/user/bulk']?.calls ?? 0;
  const names = (accountIds: unknown, who = USERS.manager) => fixture.invoker.invokeWithAnyPayload('people/names', { accountIds }, as(who), on.projectPage());

  beforeEach(() => {
    now = NOW;
    fixture = backendFixture({ clock: { now: () => now } });
  });

  it('answers names in the order asked, and "Former user" for an account Jira does not know, never its id', async () => {
    const answer = await names([USERS.agent.accountId, 'gone-123', USERS.admin.accountId, USERS.agent.accountId]);
    expect(answer).toEqual({
      ok: true,
      data: {
        people: [
          { accountId: USERS.agent.accountId, displayName: USERS.agent.displayName, known: true, avatarUrl: AVATAR },
          { accountId: 'gone-123', displayName: 'Former user', known: false, avatarUrl: null },
          { accountId: USERS.admin.accountId, displayName: USERS.admin.displayName, known: true, avatarUrl: AVATAR },
          { accountId: USERS.agent.accountId, displayName: USERS.agent.displayName, known: true, avatarUrl: AVATAR },
        ],
      },
    });
    expect(bulkCalls()).toBe(1);
  });

  it('asks Jira again only for ids not named in the last ten minutes, unknown ones included', async () => {
    await names([USERS.agent.accountId, 'gone-123']);
    await names(['gone-123', USERS.agent.accountId]);
    expect(bulkCalls()).toBe(1);
    await names([USERS.admin.accountId, USERS.agent.accountId]);
    expect(fixture.simulator.stats.byRoute['GET /rest/api/3/user/bulk']).toMatchObject({ calls: 2 });
    now += PEOPLE_NAMES_TTL_MS;
    await names([USERS.agent.accountId]);
    expect(bulkCalls()).toBe(3);
  });

  it('names nobody for someone who cannot browse the project, and asks Jira nothing about the ids', async () => {
    expect(await names([USERS.agent.accountId], USERS.outsider)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(bulkCalls()).toBe(0);
  });

  it.each([
    ['no ids', []],
    ['more than a hundred ids', Array.from({ length: 101 }, (_, index) => `acc-${index}`)],
    ['text that is not an account id', ['acc-1', 'x/../y']],
    ['an id longer than Jira allows', ['a'.repeat(129)]],
  ])('refuses %s and asks Jira nothing', async (_, accountIds) => {
    expect(await names(accountIds)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(bulkCalls()).toBe(0);
  });
});
