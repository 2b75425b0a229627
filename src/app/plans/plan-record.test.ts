import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomerAccess } from '../../contract';
import { planRecordValue, readPlanRecord } from './plan-record';

/** A plan record exactly as the release before term versions stored it (no formatVersion, the terms flat). */
const RECORD_BEFORE_VERSIONS = {
  plan: {
    id: 'acme-gold',
    name: 'Acme Gold',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    startDate: '2026-09-01',
    period: 'month',
    rounding: { incrementSeconds: 900, minimumSeconds: 900 },
    thresholdsPercent: [80, 100],
    alertRecipients: { accountIds: ['acc-manager'], groups: [] },
    extraRateMinor: 15000,
    kind: 'buckets',
    allowance: { includedSeconds: 36000, fixedFeeMinor: 100000, rollover: { capSeconds: 7200, expiresAfterPeriods: 1 } },
    blocks: [],
    overageRateMinor: 12000,
  },
  internalId: '4d1f6a8e-1a50-4f8c-9c62-0c43a1e5a0b7',
  projectId: '10000',
  projectKey: 'SUP',
  status: 'active',
  version: 2,
  createdAt: 1792497600000,
  createdBy: 'acc-admin',
  updatedAt: 1792584000000,
  updatedBy: 'acc-other-admin',
};

describe('stored plan records', () => {
  it('reads a record of the format before term versions as one version, made when and by whom the plan was created', () => {
    const stored = readPlanRecord(RECORD_BEFORE_VERSIONS);
    const { plan, ...record } = RECORD_BEFORE_VERSIONS;
    expect(stored).toEqual({
      ...record,
      plan,
      terms: [{ version: 1, from: '2026-09', madeAt: 1792497600000, madeBy: 'acc-admin', planVersion: 1 }],
    });
  });

  it('writes the current format, which reads back unchanged', () => {
    const stored = readPlanRecord(RECORD_BEFORE_VERSIONS);
    const value = planRecordValue(stored);
    expect(value).toMatchObject({ formatVersion: 2 });
    expect(readPlanRecord(value)).toEqual(stored);
  });

  it('keeps a plan\'s customer access through a write and a read, and reads a record without it as never set', () => {
    const stored = readPlanRecord(RECORD_BEFORE_VERSIONS);
    expect(stored.customerAccess).toBeUndefined();
    const customerAccess: CustomerAccess = { audience: 'named-customers', accountIds: ['acc-customer'], showAmounts: true, showAgentNames: false };
    expect(readPlanRecord(planRecordValue({ ...stored, customerAccess })).customerAccess).toEqual(customerAccess);
  });

  it('reads every plan that the snapshot of a site before term versions stored', () => {
    const site = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/store-at-fd534c3/site.json'), 'utf8')) as {
      store: { key: string; value: { plan: { id: string; startDate: string } } }[];
    };
    const records = site.store.filter((entry) => entry.key.startsWith('plan:'));
    expect(records.length).toBeGreaterThan(0);
    for (const { value } of records) {
      const stored = readPlanRecord(value);
      expect([stored.plan.id, stored.plan.amendments, stored.terms.map((terms) => terms.from)]).toEqual([value.plan.id, undefined, [value.plan.startDate.slice(0, 7)]]);
    }
  });

  it('refuses a record of an unknown format rather than guess', () => {
    expect(() => readPlanRecord({ ...RECORD_BEFORE_VERSIONS, formatVersion: 3 })).toThrow();
    expect(() => readPlanRecord({ ...RECORD_BEFORE_VERSIONS, plan: { ...RECORD_BEFORE_VERSIONS.plan, kind: 'retainer' } })).toThrow();
  });
});
