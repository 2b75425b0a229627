import type { ReactNode } from 'react';

export interface Stat {
  readonly label: string;
  readonly value: ReactNode;
}

/** Figures with their labels, as a description list so screen readers pair them. */
export function Stats({ items }: { items: readonly Stat[] }) {
  return (
    <dl className="sh-stats">
      {items.map((item) => (
        <div key={item.label}>
          <dd>{item.value}</dd>
          <dt>{item.label}</dt>
        </div>
      ))}
    </dl>
  );
}
