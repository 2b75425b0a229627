import { decimalText } from '../ledger/decimal-text';

/**
 * A multiplier factor kept in thousandths, as an exact decimal without trailing zeros.
 *
 * @example factorDecimal(1500) // '1.5'
 * @example factorDecimal(2000) // '2'
 * @example factorDecimal(1125) // '1.125'
 */
export function factorDecimal(permille: number): `${number}` {
  const text = decimalText(permille, 3).replace(/\.?0+$/, '');
  return text as `${number}`;
}

/**
 * A factor for people: `×1.5`.
 *
 * @example formatFactor(1500) // '×1.5'
 */
export function formatFactor(permille: number): string {
  return `×${factorDecimal(permille)}`;
}
