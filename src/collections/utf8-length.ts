/**
 * The length in bytes of the text's UTF-8 encoding, as `TextEncoder` encodes it (a lone surrogate as the 3 bytes of
 * U+FFFD), counted by Node without encoding it: cutting a statement into chunks measures every line, and encoding
 * each one only to count it took several times as long.
 */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
