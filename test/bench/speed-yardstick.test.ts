import { speedYardstick } from '../../bench/report/speed-yardstick';

describe('the speed yardstick (test-tiers benchmark)', () => {
  it('times the same work on every run: the same checksum, a positive median', () => {
    // A hundredth of the work the benchmark times.
    const once = speedYardstick({ runs: 1, scale: 0.01 });
    const thrice = speedYardstick({ runs: 3, scale: 0.01 });
    expect(thrice.checksum).toBe(once.checksum);
    expect(thrice.milliseconds).toBeGreaterThan(0);
    expect(Number.isFinite(thrice.milliseconds)).toBe(true);
  });
});
