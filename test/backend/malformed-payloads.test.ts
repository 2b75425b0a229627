import type { ResolverName } from '../../src/contract';
import type { SurfaceTarget } from '../../src/local/forge-context';
import { as, backendFixture, ISSUES, on, planInput, USERS, type BackendFixture } from './support/backend-fixture';

interface Case {
  readonly name: ResolverName;
  readonly payload: unknown;
  readonly target: SurfaceTarget;
  readonly fields: readonly { readonly path: string; readonly message: string }[];
}

const settings = on.settings();
const cases: Readonly<Record<string, Case>> = {
  'a missing field': { name: 'plans/get', payload: {}, target: settings, fields: [{ path: 'planId', message: 'is required' }] },
  'a wrong type': { name: 'plans/archive', payload: { planId: 'acme-gold', expectedVersion: '1' }, target: settings, fields: [{ path: 'expectedVersion', message: 'must be the whole version number you read' }] },
  'an unknown field': { name: 'plans/list', payload: { includeArchived: true, everything: true }, target: settings, fields: [{ path: 'everything', message: 'is not a known field' }] },
  'negative hours': {
    name: 'plans/create',
    payload: { plan: planInput({ allowance: { includedSeconds: -3600, fixedFeeMinor: 0 } }) },
    target: settings,
    fields: [{ path: 'plan.allowance.includedSeconds', message: 'must not be negative (seconds)' }],
  },
  'fractional money': { name: 'plans/create', payload: { plan: planInput({ overageRateMinor: 120.5 }) }, target: settings, fields: [{ path: 'plan.overageRateMinor', message: 'must be a whole number of minor units (a safe integer)' }] },
  'a bad time zone': { name: 'plans/create', payload: { plan: planInput({ timeZone: 'Europe/Atlantis' }) }, target: settings, fields: [{ path: 'plan.timeZone', message: '"Europe/Atlantis" is not a known IANA time zone' }] },
  'a plan id that is not a slug': {
    name: 'plans/create',
    payload: { plan: planInput({ id: 'Acme Gold!' }) },
    target: settings,
    fields: [{ path: 'plan.id', message: 'must be a slug: lower-case letters and digits separated by single hyphens, e.g. "acme-gold"' }],
  },
  'an oversize name': { name: 'plans/create', payload: { plan: planInput({ name: 'x'.repeat(500) }) }, target: settings, fields: [{ path: 'plan.name', message: 'must be at most 120 characters' }] },
  'an oversize JQL': { name: 'bulk/preview', payload: { jql: `summary ~ "${'a'.repeat(2100)}"` }, target: settings, fields: [{ path: 'jql', message: 'must be at most 2000 characters' }] },
  'a version below 1': { name: 'plans/delete', payload: { planId: 'acme-gold', expectedVersion: 0 }, target: settings, fields: [{ path: 'expectedVersion', message: 'must be at least 1' }] },
  'a renamed plan id on update': {
    name: 'plans/update',
    payload: { planId: 'acme-gold', expectedVersion: 1, plan: planInput({ id: 'acme-silver' }) },
    target: settings,
    fields: [{ path: 'plan.id', message: 'must equal planId: a plan id cannot change' }],
  },
  'an unknown billing class': { name: 'issue/setLink', payload: { planId: 'acme-gold', billingClass: 'free' }, target: on.issue(ISSUES.sup1), fields: [{ path: 'billingClass', message: 'must be one of "covered", "extra", "non-billable", not string "free"' }] },
  'a payload naming another issue': { name: 'issue/setLink', payload: { planId: 'acme-gold', issueId: ISSUES.oth1.id }, target: on.issue(ISSUES.sup1), fields: [{ path: 'issueId', message: 'is not a known field' }] },
  'a payload naming another project': { name: 'plans/create', payload: { plan: planInput(), projectId: '20000' }, target: settings, fields: [{ path: 'projectId', message: 'is not a known field' }] },
  'a period that is no month': { name: 'usage/statement', payload: { planId: 'acme-gold', period: '2026-13' }, target: on.projectPage(), fields: [{ path: 'period', message: 'must be a period label YYYY-MM, e.g. "2026-10"' }] },
  'not an object at all': { name: 'settings/update', payload: 'acme-gold', target: settings, fields: [{ path: '', message: 'must be an object, not string "acme-gold"' }] },
};

describe('malformed payloads', () => {
  let fixture: BackendFixture;
  beforeAll(async () => {
    fixture = backendFixture();
    const created = await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    expect(created.ok).toBe(true);
  });

  it.each(Object.entries(cases))('refuses %s with VALIDATION_FAILED, its field paths, and changes nothing', async (_title, { name, payload, target, fields }) => {
    const before = await fixture.snapshot();
    const answer = await fixture.invoker.invokeWithAnyPayload(name, payload, as(USERS.admin), target);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('VALIDATION_FAILED');
    expect(answer.error.fields).toEqual(fields);
    expect(answer.error.message).toContain(fields[0]?.message);
    expect(await fixture.snapshot()).toEqual(before);
  });
});
