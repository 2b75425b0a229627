import { useEffect } from 'react';
import { formatDateTime } from '../../shared/format/dates';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import type { StatementSummary } from './statement-pages';

/** How long a statement marked *Updating* waits before it is read again: a refresh takes seconds to a few minutes. */
export const UPDATING_RELOAD_MS = 10_000;

/**
 * Says that the statement is the last refreshed one while the plan's figures are being updated, and reads it again
 * every {@link UPDATING_RELOAD_MS} until it is current (the note then goes away). Nothing while it is current. A page
 * in a hidden tab does not read: each read costs storage units of the site's quota, and a busy plan's figures may stay
 * updating for long; it reads again as soon as it is shown.
 */
export function StatementUpdating({ summary, onReload }: { summary: StatementSummary; onReload: () => void }) {
  const { locale, timeZone: viewerTimeZone } = useSurfaceContext();
  const { updating } = summary;
  useEffect(() => {
    if (updating === null) return undefined;
    const reloadWhenShown = () => {
      if (document.visibilityState === 'hidden') return;
      document.removeEventListener('visibilitychange', reloadWhenShown);
      onReload();
    };
    const timer = window.setTimeout(() => {
      if (document.visibilityState === 'hidden') document.addEventListener('visibilitychange', reloadWhenShown);
      else onReload();
    }, UPDATING_RELOAD_MS);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', reloadWhenShown);
    };
  }, [updating, onReload]);
  if (updating === null) return null;
  return (
    <p className="sh-subtle" role="status" data-testid="statement-updating">
      Updating — figures as of {formatDateTime(updating.asOf, { timeZone: summary.timeZone, viewerTimeZone }, locale)}. Work recorded since then is not
      included yet; this statement reads itself again until it is. Exports made meanwhile are marked provisional.
    </p>
  );
}
