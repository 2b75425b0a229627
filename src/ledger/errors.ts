/**
 * Thrown when the ledger's input makes a computation impossible (an unparseable instant,
 * a period the plan does not have). Inputs are validated before they reach the ledger, so
 * this signals a caller's bug or a record that slipped through validation.
 */
export class LedgerInputError extends Error {
  /** Path of the offending field, e.g. `worklogs[id=10001].started`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'LedgerInputError';
    this.field = field;
  }
}
