import { hoursText } from './hours-text';

describe('hoursText', () => {
  it('writes seconds as hours to at most two decimals, rounded half up, without trailing zeros', () => {
    expect([0, 17, 18, 1800, 3660, 5400, 36_000, 360_000].map(hoursText)).toEqual(['0 h', '0 h', '0.01 h', '0.5 h', '1.02 h', '1.5 h', '10 h', '100 h']);
  });
});
