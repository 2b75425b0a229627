import { permilleFromFactor } from './factor';

describe('a typed multiplier factor', () => {
  it('is read exactly in thousandths, never through a float, and refused with more than 3 decimals or no number', () => {
    expect(['1.5', ' 2 ', '×1.25', '1.333', '1'].map(permilleFromFactor)).toEqual([1500, 2000, 1250, 1333, 1000]);
    expect(['1.2345', 'abc', ''].map(permilleFromFactor)).toEqual([null, null, null]);
  });
});
