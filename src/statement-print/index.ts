export { renderPrintableStatement } from './render-printable-statement';
export { formatHours, formatMoney } from './format';
export type { PrintableCustomer, PrintableStatementInput } from './types';
