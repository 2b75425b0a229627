import { compareWorklogIds } from './compare-worklog-ids';

describe('compareWorklogIds', () => {
  it('orders numeric ids numerically, then other ids by code unit', () => {
    expect(['b', '10', '9', 'a', '100', '09'].sort(compareWorklogIds)).toEqual(['9', '09', '10', '100', 'a', 'b']);
  });

  it('is zero only for equal ids and antisymmetric', () => {
    expect(compareWorklogIds('7', '7')).toBe(0);
    expect(Math.sign(compareWorklogIds('7', '8'))).toBe(-1);
    expect(Math.sign(compareWorklogIds('8', '7'))).toBe(1);
  });
});
