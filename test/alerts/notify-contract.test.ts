import { HttpTransport, JiraAdapter } from '../../src/adapters/jira';
import type { IssueNotification } from '../../src/app/ports/jira';
import { validateRequest, validateResponse } from '../support/openapi';
import type { SimUser, SimulatorState } from '../../src/jira-simulator/model';
import type { JiraSimulator } from '../../src/jira-simulator/simulator';
import { ADMIN, AGENT, OUTSIDER, APP, buildIssue, buildState, call, newSimulator } from '../jira-simulator/site';

const NOTIFY = '/rest/api/3/issue/{issueIdOrKey}/notify';
const ISSUE = buildIssue(1);
const USER = '/rest/api/3/user';

/** An account Jira still knows, deactivated. */
const LEAVER: SimUser = { ...AGENT, accountId: 'acc-leaver', email: 'leaver@example.test', apiToken: 'leaver-token', active: false };

function withLeaver(state: SimulatorState): SimulatorState {
  return { ...state, users: [...state.users, LEAVER] };
}

/** The app's Jira adapter over HTTP to `simulator`, handing each request to `record` first. */
function recordingAdapter(simulator: JiraSimulator, record: (request: Request) => Promise<void>): JiraAdapter {
  return new JiraAdapter(
    new HttpTransport({
      baseUrl: 'http://jira.test',
      email: APP.email,
      apiToken: APP.apiToken,
      fetch: async (request) => {
        await record(request);
        return simulator.handle(request);
      },
    }),
  );
}
const NOTIFICATION: IssueNotification = {
  subject: 'Support plan "Gold" reached 80 % of its hours for 2026-10',
  textBody: 'Plain',
  htmlBody: '<p>Html</p>',
  to: { accountIds: [ADMIN.accountId], groups: ['support-managers'] },
};

describe('POST /issue/{issueIdOrKey}/notify', () => {
  it('is sent by the adapter as Jira documents it, and recorded by the simulator', async () => {
    const { simulator } = newSimulator(buildState([ISSUE]));
    const sent: unknown[] = [];
    const jira = recordingAdapter(simulator, async (request) => {
      sent.push(await request.clone().json());
    });

    await jira.notify(ISSUE.key, NOTIFICATION);

    expect(sent).toEqual([
      {
        subject: NOTIFICATION.subject,
        textBody: 'Plain',
        htmlBody: '<p>Html</p>',
        to: { users: [{ accountId: ADMIN.accountId }], groups: [{ name: 'support-managers' }] },
      },
    ]);
    expect(validateRequest('POST', NOTIFY, { body: sent[0] })).toEqual({ valid: true, errors: [] });
    expect(simulator.stats.notifications).toEqual([
      {
        issueId: ISSUE.id,
        issueKey: ISSUE.key,
        sentBy: 'app-support-hours',
        subject: NOTIFICATION.subject,
        textBody: 'Plain',
        htmlBody: '<p>Html</p>',
        accountIds: [ADMIN.accountId],
        groups: ['support-managers'],
        at: simulator.stats.notifications[0]?.at,
      },
    ]);
    expect(jira.stats().calls).toBe(1);
  });

  it.each([
    ['a notification', AGENT, ISSUE.key, { to: { users: [{ accountId: ADMIN.accountId }] } }, 204],
    ['an unknown user', AGENT, ISSUE.key, { to: { users: [{ accountId: 'nobody' }] } }, 400],
    ['no recipients', AGENT, ISSUE.key, { subject: 'x' }, 400],
    ['a body that is not an object', AGENT, ISSUE.key, [1], 400],
    ['an issue the caller cannot browse', OUTSIDER, ISSUE.key, { to: { groups: [{ name: 'g' }] } }, 404],
    ['an issue that does not exist', AGENT, 'SUP-999', { to: { groups: [{ name: 'g' }] } }, 404],
    ['a deactivated user', AGENT, ISSUE.key, { to: { users: [{ accountId: LEAVER.accountId }, { accountId: ADMIN.accountId }] } }, 400],
  ])('answers %s as Jira documents', async (_what, caller, issue, body, status) => {
    const { simulator } = newSimulator(withLeaver(buildState([ISSUE])));
    const answer = await call(simulator, caller, 'POST', `/rest/api/3/issue/${issue}/notify`, body);

    expect(answer.status).toBe(status);
    expect(validateResponse('POST', NOTIFY, answer.status, answer.body)).toEqual({ valid: true, errors: [] });
    expect(simulator.stats.notifications).toHaveLength(status === 204 ? 1 : 0);
  });
});

describe('GET /user, as alert deliveries check each recipient', () => {
  it.each([
    ['an active account', ADMIN.accountId, 200, { accountId: ADMIN.accountId, active: true }],
    ['a deactivated account', LEAVER.accountId, 200, { accountId: LEAVER.accountId, active: false }],
    ['an unknown account', 'stale-account', 404, null],
  ])('answers %s as Jira documents, and the adapter reads it', async (_what, accountId, status, account) => {
    const { simulator } = newSimulator(withLeaver(buildState([ISSUE])));
    const answer = await call(simulator, APP, 'GET', `${USER}?accountId=${accountId}`);
    expect(answer.status).toBe(status);
    expect(validateResponse('GET', USER, answer.status, answer.body)).toEqual({ valid: true, errors: [] });

    const sent: string[] = [];
    const jira = recordingAdapter(simulator, async (request) => {
      sent.push(request.url);
    });
    expect(await jira.getAccount(accountId)).toEqual(account);
    expect(sent).toEqual([`http://jira.test${USER}?accountId=${accountId}`]);
    expect(validateRequest('GET', USER, { query: { accountId } })).toEqual({ valid: true, errors: [] });
  });
});
