import { view } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import { field } from '../context/extension';
import { planIdOfPath, planPath } from './plan-route';

/** The part of Forge's `history` object (the `history` package's) the project page uses. */
interface PageHistory {
  readonly location: { readonly pathname: string };
  push(path: string): void;
  listen(listener: (location: unknown) => void): () => void;
}

function isPageHistory(value: unknown): value is PageHistory {
  return (
    typeof field(field(value, 'location'), 'pathname') === 'string' && typeof field(value, 'push') === 'function' && typeof field(value, 'listen') === 'function'
  );
}

/** The pathname a history listener is told: Forge passes the location itself (as history 4 did); history 5 wraps it as `{ location }`. */
function pathnameOf(update: unknown): string {
  const pathname = field(update, 'pathname') ?? field(field(update, 'location'), 'pathname');
  return typeof pathname === 'string' ? pathname : '';
}

export interface PlanRoute {
  /** The plan the page's address names, until the address is known null. */
  readonly planId: string | null;
  /** Whether the address has been read: until then the page does not pick a plan of its own. */
  readonly ready: boolean;
  readonly choose: (planId: string) => void;
}

/** The plan the project page's address names, and a way to name another (a new history entry, so Back returns). */
export function usePlanRoute(): PlanRoute {
  const [history, setHistory] = useState<PageHistory | null>(null);
  const [ready, setReady] = useState(false);
  const [planId, setPlanId] = useState<string | null>(null);

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let live = true;
    const settle = (found: PageHistory | null) => {
      if (!live) return;
      if (found !== null) {
        setPlanId(planIdOfPath(found.location.pathname));
        unlisten = found.listen((update) => setPlanId(planIdOfPath(pathnameOf(update))));
      }
      setHistory(found);
      setReady(true);
    };
    // Outside a full page (or where the host offers no history) the page still works, without addresses.
    view.createHistory().then(
      (created: unknown) => settle(isPageHistory(created) ? created : null),
      () => settle(null),
    );
    return () => {
      live = false;
      unlisten?.();
    };
  }, []);

  const choose = useCallback(
    (next: string) => {
      setPlanId(next);
      history?.push(planPath(next));
    },
    [history],
  );
  return { planId, ready, choose };
}
