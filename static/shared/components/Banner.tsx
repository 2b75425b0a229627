import SectionMessage from '@atlaskit/section-message';
import { useEffect, useRef, type ReactNode } from 'react';

type Appearance = 'info' | 'warning' | 'error' | 'success';

const SECTION_APPEARANCE = { info: 'information', warning: 'warning', error: 'error', success: 'success' } as const;

interface BannerProps {
  readonly appearance: Appearance;
  /** Takes the keyboard when shown: the outcome of what the user just did (a save), so they are not left on the page's body. */
  readonly takeFocus?: boolean;
  readonly children: ReactNode;
}

/**
 * A message across the surface, drawn as Atlassian's section message; warnings and errors are announced to screen
 * readers at once, the others politely.
 */
export function Banner({ appearance, takeFocus = false, children }: BannerProps) {
  const urgent = appearance === 'warning' || appearance === 'error';
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) banner.current?.focus();
  }, [takeFocus]);
  return (
    <div ref={banner} className="sh-banner" data-appearance={appearance} role={urgent ? 'alert' : 'status'} tabIndex={-1}>
      <SectionMessage appearance={SECTION_APPEARANCE[appearance]}>{children}</SectionMessage>
    </div>
  );
}
