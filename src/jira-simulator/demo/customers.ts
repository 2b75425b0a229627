/**
 * The demo customers: one name, currency and time zone each, shared by the demo site (`npm start`, the
 * simulator's seed) and the CLI's `examples/`, so a customer is the same customer wherever it appears.
 */
export interface DemoCustomer {
  readonly name: string;
  /** ISO 4217. */
  readonly currency: string;
  /** IANA. */
  readonly timeZone: string;
}

export const DEMO_CUSTOMERS = {
  acme: { name: 'Acme Corp', currency: 'EUR', timeZone: 'Europe/Berlin' },
  globex: { name: 'Globex', currency: 'USD', timeZone: 'America/New_York' },
  initech: { name: 'Initech', currency: 'GBP', timeZone: 'Europe/London' },
} as const satisfies Record<string, DemoCustomer>;
