import type { AuditEntry } from '../../src/contract';
import { accountsNamedBy, changeClauses, entrySentences, type SentenceContext } from '../../static/project-settings/src/history-sentences';

const names: Readonly<Record<string, string>> = { 'acc-ada': 'Ada Admin', 'acc-ravi': 'Ravi Agent' };
const context: SentenceContext = { currency: 'EUR', locale: 'en-GB', nameOf: (accountId) => names[accountId] ?? 'Former user' };
const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({ version: 2, action: 'updated', at: 0, by: 'acc-ada', changes: [], ...overrides });

describe('plan history as sentences', () => {
  it('says who changed which field from what to what, with money, hours and dates formatted, and from when', () => {
    const changes = [
      { path: 'overageRateMinor', before: 9000, after: 9550 },
      { path: 'allowance.includedSeconds', before: 36_000, after: 126_000 },
      { path: 'rounding.incrementSeconds', before: 0, after: 900 },
      { path: 'endDate', after: '2026-12-31' },
      { path: 'thresholdsPercent', before: [80, 100], after: [50, 80, 100] },
    ];
    expect(entrySentences(entry({ changes, effectiveFrom: '2026-10' }), context)).toEqual([
      'Ada Admin changed the overage rate from €90.00 an hour to €95.50 an hour, effective 2026-10.',
      'Ada Admin changed the included hours from 10 h to 35 h, effective 2026-10.',
      'Ada Admin changed the rounding increment from none to 15 min, effective 2026-10.',
      'Ada Admin set the end date to 31 Dec 2026, effective 2026-10.',
      'Ada Admin changed the alert thresholds from 80 % and 100 % to 50 %, 80 %, and 100 %, effective 2026-10.',
    ]);
  });

  it('reads a whole part added or removed field by field, and alert recipients by name', () => {
    expect(changeClauses({ path: 'allowance.rollover', after: { capSeconds: 144_000, expiresAfterPeriods: 1 } }, context)).toEqual([
      'set the rollover cap to 40 h',
      'set the rollover lifetime to 1 period',
    ]);
    expect(changeClauses({ path: 'alertRecipients.accountIds', before: ['acc-ada'], after: ['acc-ada', 'acc-ravi', 'acc-gone'] }, context)).toEqual([
      'changed the alert recipients from Ada Admin to Ada Admin, Ravi Agent, and Former user',
    ]);
    expect(changeClauses({ path: 'blocks', before: [], after: [{ id: 'b1', purchasedOn: '2026-10-01', seconds: 72_000, priceMinor: 150_000 }] }, context)).toEqual([
      'changed the prepaid blocks from none to 20 h bought 1 Oct 2026 for €1,500.00',
    ]);
    expect(changeClauses({ path: 'endDate', before: '2026-12-31' }, context)).toEqual(['removed the end date (was 31 Dec 2026)']);
  });

  it('reads a new plan as what it was created with, never as JSON', () => {
    const created = entry({
      version: 1,
      action: 'created',
      changes: [{ path: '', after: { id: 'acme-gold', name: 'Acme Gold', kind: 'buckets', currency: 'EUR', overageRateMinor: 9000, allowance: { includedSeconds: 36_000, fixedFeeMinor: 0 } } }],
    });
    const sentences = entrySentences(created, context);
    expect(sentences).toEqual([
      'Ada Admin created the plan.',
      'Plan id: acme-gold.',
      'Name: Acme Gold.',
      'Kind: included hours and prepaid blocks.',
      'Currency: EUR.',
      'Overage rate: €90.00 an hour.',
      'Included hours: 10 h.',
      'Fixed fee: €0.00.',
    ]);
    expect(sentences.join(' ')).not.toMatch(/[{}[\]"]/);
  });

  it('says archiving and deleting in words, by name', () => {
    expect(entrySentences(entry({ action: 'archived', by: 'acc-ravi', changes: [{ path: 'status', before: 'active', after: 'archived' }] }), context)).toEqual(['Ravi Agent archived the plan.']);
    expect(entrySentences(entry({ action: 'deleted', by: 'acc-gone' }), context)).toEqual(['Former user deleted the plan.']);
  });

  it('names every account an entry mentions, so all can be read before it is shown', () => {
    const changes = [
      { path: 'alertRecipients.accountIds', before: ['acc-1'], after: ['acc-2'] },
      { path: '', after: { alertRecipients: { accountIds: ['acc-3'], groups: ['jira-admins'] } } },
    ];
    expect(accountsNamedBy(entry({ changes }))).toEqual(['acc-ada', 'acc-1', 'acc-2', 'acc-3']);
  });

  it('reads a change of who sees the plan in the portal in words, customers by name', () => {
    const changes = [
      { path: 'customerAccess.audience', before: 'nobody', after: 'named-customers' },
      { path: 'customerAccess.accountIds', before: [], after: ['acc-ravi'] },
      { path: 'customerAccess.showAmounts', before: false, after: true },
    ];
    expect(entrySentences(entry({ changes }), context)).toEqual([
      'Ada Admin changed the customers who see the plan in the portal from nobody to named customers.',
      'Ada Admin changed the customers named to see the plan from none to Ravi Agent.',
      'Ada Admin changed the amounts shown to customers from no to yes.',
    ]);
    expect(accountsNamedBy(entry({ changes }))).toEqual(['acc-ada', 'acc-ravi']);
  });
  it('reads a change of the hard stop in words', () => {
    const changes = [
      { path: 'hardStop.mode', before: 'off', after: 'stop' },
      { path: 'hardStop.whenUnknown', before: 'allow', after: 'refuse' },
    ];
    expect(entrySentences(entry({ changes }), context)).toEqual([
      'Ada Admin changed the response when the hours run out from nothing to stop guarded transitions.',
      "Ada Admin changed the validator's answer when it cannot tell from let it through to refuse it.",
    ]);
  });
});
