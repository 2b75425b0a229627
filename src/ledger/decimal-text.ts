type DecimalText = `${number}`;

function isDecimalText(text: string): text is DecimalText {
  return /^-?\d+(?:\.\d+)?$/.test(text);
}

/**
 * The exact decimal text of an integer scaled by 10^fractionDigits — what `Intl.NumberFormat`
 * formats without passing through a float, and what a CSV writes as an exact amount.
 *
 * @example decimalText(-5, 2) // '-0.05'
 * @example decimalText(123450n, 2) // '1234.50'
 */
export function decimalText(scaled: number | bigint, fractionDigits: number): DecimalText {
  if (typeof scaled === 'number' && !Number.isSafeInteger(scaled)) throw new RangeError(`${scaled} is not a safe integer`);
  const value = BigInt(scaled);
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(fractionDigits + 1, '0');
  const cut = digits.length - fractionDigits;
  const text = fractionDigits > 0 ? `${sign}${digits.slice(0, cut)}.${digits.slice(cut)}` : `${sign}${digits}`;
  if (!isDecimalText(text)) throw new RangeError(`${text} is not a decimal`);
  return text;
}
