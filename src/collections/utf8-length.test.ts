import fc from 'fast-check';
import { utf8Length } from './utf8-length';

const encodedLength = (text: string): number => new TextEncoder().encode(text).byteLength;

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\ud800', 3],
    ['\udc00x', 4],
    ['x\ud83d', 4],
  ])('counts %j as %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });

  it('counts what TextEncoder encodes, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', 'a', 'é', '€'), fc.string({ unit: 'binary', maxLength: 1 })) }), (text) => {
        expect(utf8Length(text)).toBe(encodedLength(text));
      }),
      { numRuns: 500 },
    );
  });
});
