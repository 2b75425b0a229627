/** How hours and money are written for people and read from them, browser-safe: surfaces, printable statement and CLI. */
export { formatHours, hoursDecimal, hoursInputText, secondsFromHours, type HoursOptions } from './hours';
export { adviceHeadline, type HeadlineFigures } from './advice-headline';
export { factorDecimal, formatFactor, permilleFromFactor } from './factor';
export { amountDecimal, currencyDigits, formatMoney, minorFromAmount } from './money';
