export { PRINTABLE_STATEMENT_CSP, renderPrintableStatement } from './render-printable-statement';
export { PRINT_PAGE_RULE, PRINT_STYLES } from './print-styles';
export type { PrintableCustomer, PrintableStatementInput } from './types';
