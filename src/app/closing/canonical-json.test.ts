import fc from 'fast-check';
import { canonicalForm, canonicalJson } from './canonical-json';

describe('canonicalForm', () => {
  it('gives the canonical text, and the value that text parses back to (key order and -0 included)', () => {
    const withIndexLikeKeys = fc.dictionary(fc.constantFrom('b', 'a', '10', '2'), fc.jsonValue(), { maxKeys: 4 });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), withIndexLikeKeys, fc.constant({ z: -0, a: [-0, { d: 1, c: 2 }] })), (value) => {
        const form = canonicalForm(value);
        expect(form.text).toBe(canonicalJson(value));
        const parsed: unknown = JSON.parse(form.text);
        expect(form.value).toStrictEqual(parsed);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });
});
