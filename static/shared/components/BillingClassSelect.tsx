import type { BillingClass } from '@ledger/types';

export const BILLING_CLASS_LABELS: Record<BillingClass, string> = {
  covered: 'Covered by the plan',
  extra: 'Extra (billed separately)',
  'non-billable': 'Non-billable',
};

const BILLING_CLASSES: readonly BillingClass[] = ['covered', 'extra', 'non-billable'];

export function isBillingClass(value: string): value is BillingClass {
  return BILLING_CLASSES.some((known) => known === value);
}

interface BillingClassSelectProps {
  readonly id?: string;
  readonly value: BillingClass;
  readonly onChange: (value: BillingClass) => void;
  readonly disabled?: boolean;
}

export function BillingClassSelect({ value, onChange, ...rest }: BillingClassSelectProps) {
  return (
    <select {...rest} value={value} onChange={(event) => isBillingClass(event.target.value) && onChange(event.target.value)}>
      {BILLING_CLASSES.map((billingClass) => (
        <option key={billingClass} value={billingClass}>
          {BILLING_CLASS_LABELS[billingClass]}
        </option>
      ))}
    </select>
  );
}
