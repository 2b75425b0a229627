import type { ReactNode } from 'react';
import type { Loadable } from '../hooks/useResolver';
import { Banner } from './Banner';
import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';

interface LoadableViewProps<T> {
  readonly state: Loadable<T>;
  /** What is being loaded, for the loading message: "the plan balance". */
  readonly what: string;
  readonly onRetry?: () => void;
  readonly children: (data: T) => ReactNode;
}

/** The loading and error states every surface shares; the data itself is drawn by `children`. */
export function LoadableView<T>({ state, what, onRetry, children }: LoadableViewProps<T>) {
  if (state.status === 'loading') {
    return (
      <p className="sh-subtle sh-row" role="status" aria-live="polite">
        <Spinner size="small" />
        Loading {what}…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="sh-stack">
        <Banner appearance="error">{state.error.message}</Banner>
        {onRetry === undefined ? null : <div><Button onClick={onRetry}>Try again</Button></div>}
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
