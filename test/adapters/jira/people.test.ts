import type { JiraTransport, TransportRequest, TransportResponse } from '../../../src/adapters/jira/transport';
import { JiraTestAdapter } from '../../support/jira-test-adapter';

/** A Jira that answers `GET /user/bulk` at most `pageCap` people a page, whatever it is asked for. */
class CappedPeopleJira implements JiraTransport {
  readonly startAts: number[] = [];

  constructor(
    private readonly pageCap: number,
    /** The `avatarUrls` Jira gives each person, if any. */
    private readonly avatarUrls?: (accountId: string) => Record<string, string>,
  ) {}

  request({ query = {} }: TransportRequest): Promise<TransportResponse> {
    const ids = [query.accountId ?? []].flat();
    const startAt = Number(query.startAt);
    this.startAts.push(startAt);
    const values = ids.slice(startAt, startAt + this.pageCap).map((accountId) => ({ accountId, displayName: `Name of ${accountId}`, active: true, ...(this.avatarUrls === undefined ? {} : { avatarUrls: this.avatarUrls(accountId) }) }));
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

  it("keeps Jira's 24 px avatar (else its 32 px one) only at an https address or as an inline SVG, and drops any other", async () => {
    const https = 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/a/b/24';
    const svg = 'data:image/svg+xml;base64,PHN2Zy8+';
    const given: Record<string, Record<string, string>> = {
      secure: { '16x16': 'https://example.net/16', '24x24': https, '32x32': 'https://example.net/32' },
      '32-only': { '32x32': https },
      inline: { '24x24': svg },
      plain: { '24x24': 'http://avatars.example.net/a/24', '32x32': https },
      script: { '24x24': 'javascript:alert(1)' },
      html: { '24x24': 'data:text/html;base64,PHNjcmlwdD4=' },
      broken: { '24x24': 'not a url' },
      none: {},
    };
    const adapter = new JiraTestAdapter(new CappedPeopleJira(100, (accountId) => given[accountId] ?? {}), { random: () => 0.5, sleep: () => Promise.resolve() });
    const people = await adapter.peopleByAccountId(Object.keys(given));
    expect(Object.fromEntries(people.map((person) => [person.accountId, person.avatarUrl]))).toEqual({
      secure: https,
      '32-only': https,
      inline: svg,
      plain: null,
      script: null,
      html: null,
      broken: null,
      none: null,
    });
  });
});
