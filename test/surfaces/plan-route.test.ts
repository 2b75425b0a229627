import { planIdOfPath, planPath } from '../../static/shared/navigation/plan-route';

describe('the project page address of a plan', () => {
  it('names the plan and is read back to the same id', () => {
    expect(planPath('acme-gold')).toBe('/plan/acme-gold');
    expect(planIdOfPath(planPath('acme-gold'))).toBe('acme-gold');
    expect(planIdOfPath('/plan/acme-gold/')).toBe('acme-gold');
  });

  it('reads no plan from the page root, another address or a broken escape', () => {
    expect(planIdOfPath('/')).toBeNull();
    expect(planIdOfPath('')).toBeNull();
    expect(planIdOfPath('/plans/acme-gold')).toBeNull();
    expect(planIdOfPath('/plan/acme-gold/issues')).toBeNull();
    expect(planIdOfPath('/plan/%E0%A4%A')).toBeNull();
  });
});
