import type { ReactNode } from 'react';

type Appearance = 'info' | 'warning' | 'error' | 'success';

/** A message across the surface; warnings and errors are announced to screen readers at once. */
export function Banner({ appearance, children }: { appearance: Appearance; children: ReactNode }) {
  const urgent = appearance === 'warning' || appearance === 'error';
  return (
    <div className="sh-banner" data-appearance={appearance} role={urgent ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
