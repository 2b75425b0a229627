import { pricesByIssueAttributes } from './prices-by-attributes';
import { buildAmendment, buildPayAsYouGoPlan, buildPlan } from './test-builders';
import type { MultiplierRule } from './types';

const afterHours: MultiplierRule = { name: 'After hours', when: { kind: 'time-window', days: ['mon'], from: '18:00', to: '08:00' }, factorPermille: 1500 };
const holidays: MultiplierRule = { name: 'Holidays', when: { kind: 'holidays', dates: ['2026-12-25'] }, factorPermille: 2000 };
const p1: MultiplierRule = { name: 'P1', when: { kind: 'priority', values: ['1'] }, factorPermille: 1500 };
const byAttribute: readonly MultiplierRule[] = [
  p1,
  { name: 'Bugs', when: { kind: 'issue-type', values: ['10002'] }, factorPermille: 1200 },
  { name: 'Incidents', when: { kind: 'request-type', values: ['7'] }, factorPermille: 1300 },
];

describe('whether a plan prices work by the issue\'s priority or types', () => {
  it('is not so for a plan without multipliers, or whose rules look only at the clock and calendar', () => {
    expect(pricesByIssueAttributes(buildPlan())).toBe(false);
    expect(pricesByIssueAttributes(buildPlan({ multipliers: [] }))).toBe(false);
    expect(pricesByIssueAttributes(buildPlan({ multipliers: [afterHours, holidays] }))).toBe(false);
  });

  it.each(byAttribute)('is so for a rule on $when.kind, in the plan\'s own terms', (rule) => {
    expect(pricesByIssueAttributes(buildPlan({ multipliers: [afterHours, rule] }))).toBe(true);
    expect(pricesByIssueAttributes(buildPayAsYouGoPlan({ multipliers: [rule] }))).toBe(true);
  });

  it('is so when any term version, earlier or later, has such a rule', () => {
    const plan = buildPlan({ multipliers: [afterHours] });
    expect(pricesByIssueAttributes({ ...plan, amendments: [buildAmendment(plan, '2026-12', { multipliers: [afterHours] })] })).toBe(false);
    expect(pricesByIssueAttributes({ ...plan, amendments: [buildAmendment(plan, '2026-12', { multipliers: [p1] })] })).toBe(true);
    const earlier = buildPlan({ multipliers: [p1] });
    expect(pricesByIssueAttributes({ ...earlier, amendments: [buildAmendment(earlier, '2026-12', { multipliers: [] })] })).toBe(true);
  });
});
