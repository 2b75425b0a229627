import type { Instant, InvoicedStatement, Plan } from '../ledger/types';

/** Who the statement is addressed to. */
export interface PrintableCustomer {
  readonly name: string;
  /** e.g. the Jira project key or a customer number. */
  readonly reference?: string;
  readonly addressLines?: readonly string[];
}

export interface PrintableStatementInput {
  readonly statement: InvoicedStatement;
  readonly plan: Plan;
  readonly customer: PrintableCustomer;
  /** BCP 47 locale for numbers and dates, e.g. "en-GB". */
  readonly locale: string;
  /** When the document is issued; shown as a date in the plan's time zone. */
  readonly issuedAt?: Instant;
  /**
   * Set when the statement is the last refreshed one while the plan's figures were updating: the instant it is
   * complete through. The document then says it is provisional (docs/decisions/0064).
   */
  readonly provisionalAsOf?: Instant;
  /** accountId → display name; an account missing here prints as "Former user", never as its id. */
  readonly authorNames: ReadonlyMap<string, string>;
}
