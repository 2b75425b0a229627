import { parsePlan } from '../../src/input/plan';

const PLAN = {
  id: 'gold',
  name: 'Gold',
  currency: 'EUR',
  timeZone: 'UTC',
  startDate: '2026-10-01',
  kind: 'buckets',
  overageRateMinor: 10000,
  extraRateMinor: 15000,
  thresholdsPercent: [80, 100],
};

describe('a plan’s alert recipients', () => {
  it('are optional, and their lists default to empty', () => {
    const absent = parsePlan(PLAN);
    const groupsOnly = parsePlan({ ...PLAN, alertRecipients: { groups: ['support-managers'] } });

    expect(absent.ok && absent.value.alertRecipients).toBeUndefined();
    expect(groupsOnly.ok && groupsOnly.value.alertRecipients).toEqual({ accountIds: [], groups: ['support-managers'] });
  });

  it('refuse an empty account id and unknown fields, naming the path', () => {
    const result = parsePlan({ ...PLAN, alertRecipients: { accountIds: [''], emails: ['a@b.c'] } });

    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(['alertRecipients.accountIds[0]', 'alertRecipients.emails']);
  });
});
