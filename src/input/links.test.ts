import { parseLinks } from './links';

const covered = { issueId: '10001', issueKey: 'SUP-1', planId: 'acme-gold', billingClass: 'covered' };
const extra = { issueId: '10002', planId: 'acme-gold', billingClass: 'extra' };

describe('parseLinks', () => {
  it('reads links as they are', () => {
    expect(parseLinks([covered, extra], { planId: 'acme-gold' })).toEqual({ ok: true, value: [covered, extra] });
  });

  it('names the record and field of a bad billing class', () => {
    expect(parseLinks([covered, { ...extra, billingClass: 'free' }])).toEqual({
      ok: false,
      issues: [
        {
          path: '[1].billingClass',
          record: 'issueId "10002"',
          message: 'must be one of "covered", "extra", "non-billable", not string "free"',
        },
      ],
    });
  });

  it('rejects an unknown field', () => {
    expect(parseLinks([{ ...covered, plan: 'x' }])).toEqual({
      ok: false,
      issues: [{ path: '[0].plan', record: 'issueId "10001"', message: 'is not a known field' }],
    });
  });

  it('rejects a second link for the same issue', () => {
    expect(parseLinks([covered, extra, { ...covered, billingClass: 'extra' }])).toEqual({
      ok: false,
      issues: [{ path: '[2].issueId', record: 'issueId "10001"', message: 'links the same issue as [0]' }],
    });
  });

  it('rejects links to another plan when the plan is known', () => {
    expect(parseLinks([covered, { ...extra, planId: 'other' }], { planId: 'acme-gold' })).toEqual({
      ok: false,
      issues: [{ path: '[1].planId', record: 'issueId "10002"', message: 'names plan "other", but the plan is "acme-gold"' }],
    });
  });

  it('reads an issue\'s attributes over time as instants', () => {
    const attributes = [
      { since: '2026-10-01T00:00:00.000+0200', priority: 'P3', issueType: 'Incident' },
      { since: '2026-10-05T09:30:00.000Z', priority: 'P1', issueType: 'Incident', requestType: 'Outage' },
    ];
    expect(parseLinks([{ ...covered, attributes }])).toEqual({
      ok: true,
      value: [
        {
          ...covered,
          attributes: [
            { since: Date.parse('2026-09-30T22:00:00Z'), priority: 'P3', issueType: 'Incident' },
            { since: Date.parse('2026-10-05T09:30:00Z'), priority: 'P1', issueType: 'Incident', requestType: 'Outage' },
          ],
        },
      ],
    });
  });

  it('refuses attributes listed out of order', () => {
    const attributes = [{ since: '2026-10-05T09:00:00.000Z', priority: 'P1' }, { since: '2026-10-05T09:00:00.000Z', priority: 'P2' }];
    expect(parseLinks([{ ...covered, attributes }])).toEqual({
      ok: false,
      issues: [{ path: '[0].attributes[1].since', record: 'issueId "10001"', message: 'must be later than [0].since: list the values oldest first' }],
    });
  });

  it('rejects a document that is not an array', () => {
    expect(parseLinks({ links: [] })).toEqual({ ok: false, issues: [{ path: '', message: 'must be an array, not an object' }] });
  });
});
