import type { ReactNode } from 'react';

/**
 * Where a table scrolls sideways when it is wider than the frame (a phone, a narrow panel), so the frame itself never
 * does; its first column stays in view (styles.css). Focusable, and named after its table, so keyboard users can scroll it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="sh-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
