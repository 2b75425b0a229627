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
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
