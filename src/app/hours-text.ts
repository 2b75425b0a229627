import { decimalText, roundHalfUp } from '../ledger';

/**
 * Hours with up to two decimals, from integer seconds, for the text the app writes itself (alert emails, the hard
 * stop's refusal): exact and rounded half up like the surfaces' `hoursDecimal`, which the app may not import.
 *
 * @example hoursText(5400) // '1.5 h'
 */
export function hoursText(seconds: number): string {
  return `${decimalText(roundHalfUp(BigInt(seconds) * 100n, 3600n), 2).replace(/\.?0+$/, '')} h`;
}
