import { decimalText } from '../ledger/decimal-text';
import { minorFromAmount } from './money';

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

/** The factor a person typed ("1.5", "2", "×1.25"), in exact thousandths; null when it is not a decimal with at most 3 places. */
export function permilleFromFactor(text: string): number | null {
  return minorFromAmount(text.replace(/^\s*[×x]\s*/i, ''), 3);
}
