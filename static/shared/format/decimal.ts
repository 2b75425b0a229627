type DecimalText = `${number}`;

function isDecimalText(text: string): text is DecimalText {
  return /^-?\d+(?:\.\d+)?$/.test(text);
}

/**
 * The exact decimal text of an integer scaled by 10^fractionDigits, for `Intl.NumberFormat`,
 * which formats such strings without passing through a float.
 *
 * @example decimalFromScaled(-5, 2) // '-0.05'
 */
export function decimalFromScaled(scaled: number, fractionDigits: number): DecimalText {
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`${scaled} is not a safe integer`);
  const sign = scaled < 0 ? '-' : '';
  const digits = String(Math.abs(scaled)).padStart(fractionDigits + 1, '0');
  const cut = digits.length - fractionDigits;
  const text = fractionDigits > 0 ? `${sign}${digits.slice(0, cut)}.${digits.slice(cut)}` : `${sign}${digits}`;
  if (!isDecimalText(text)) throw new RangeError(`${text} is not a decimal`);
  return text;
}
