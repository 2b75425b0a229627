import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe('{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}');
  });

  it('serialises records that differ only in key order equally', () => {
    expect(canonicalJson({ id: '1', started: 'x' })).toBe(canonicalJson({ started: 'x', id: '1' }));
  });
});
