import type { ReactNode } from 'react';
import EmptyState from '@atlaskit/empty-state';
import Button from '@atlaskit/button/new';
import { Banner } from '../components/Banner';
import { Stats } from '../components/Stats';
import { LoadableView } from '../components/LoadableView';
import type { Loadable } from '../hooks/useResolver';
import type { CustomerBalance } from '@contract/index';
import { customerStats } from './customer-figures';

/** What a customer sees when no plan is shared with them, whatever the reason: no plan, a hidden one, or no access. */
export function NothingShared() {
  return <EmptyState header="No support plan is shared with you" headingLevel={2} headingSize="xsmall" description="Your service team has not shared a support plan's hours with you here." />;
}

/**
 * A portal surface's loading and failure states. A refusal (a request the customer may not view, an anonymous visitor)
 * reads exactly like nothing shared, so it reveals nothing; only a failure of the app itself says so.
 */
export function PortalView<T>({ state, onRetry, children }: { state: Loadable<T>; onRetry: () => void; children: (data: T) => ReactNode }) {
  if (state.status === 'error') {
    if (state.error.code === 'NOT_FOUND' || state.error.code === 'FORBIDDEN') return <NothingShared />;
    return (
      <div className="sh-stack">
        <Banner appearance="error">Support hours cannot be shown right now.</Banner>
        <div>
          <Button onClick={onRetry}>Try again</Button>
        </div>
      </div>
    );
  }
  return (
    <LoadableView state={state} what="your support hours">
      {children}
    </LoadableView>
  );
}

/** One plan's figures as a customer sees them, said to be updating while the app catches up with new work. */
export function CustomerFigures({ balance, locale }: { balance: CustomerBalance; locale: string }) {
  return (
    <>
      {balance.refreshing ? (
        <p className="sh-subtle" role="status">
          Updating with the latest work…
        </p>
      ) : null}
      <Stats items={customerStats(balance, locale)} />
    </>
  );
}
