import type { JiraTransport, TransportRequest, TransportResponse } from '../../../src/adapters/jira/transport';
import { JiraTestAdapter } from '../../support/jira-test-adapter';

/** A Jira that answers `GET /user/bulk` at most `pageCap` people a page, whatever it is asked for. */
class CappedPeopleJira implements JiraTransport {
  readonly startAts: number[] = [];

  constructor(private readonly pageCap: number) {}

  request({ query = {} }: TransportRequest): Promise<TransportResponse> {
    const ids = [query.accountId ?? []].flat();
    const startAt = Number(query.startAt);
    this.startAts.push(startAt);
    const values = ids.slice(startAt, startAt + this.pageCap).map((accountId) => ({ accountId, displayName: `Name of ${accountId}`, active: true }));
    const body = { startAt, maxResults: this.pageCap, total: ids.length, isLast: startAt + values.length >= ids.length, values };
    return Promise.resolve({ status: 200, statusText: 'OK', retryAfter: null, body });
  }
}

describe('peopleByAccountId', () => {
  it('pages on when Jira answers fewer people than it was asked for', async () => {
    const jira = new CappedPeopleJira(40);
    const adapter = new JiraTestAdapter(jira, { random: () => 0.5, sleep: () => Promise.resolve() });
    const ids = Array.from({ length: 130 }, (_, index) => `account-${index}`);
    const people = await adapter.peopleByAccountId([...ids, ids[0] ?? '']);
    expect(people.map((person) => person.accountId)).toEqual(ids);
    expect(jira.startAts).toEqual([0, 40, 80, 0]);
  });
});
