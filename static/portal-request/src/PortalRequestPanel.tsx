import { formatHours } from '@quantities/index';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { useResolver } from '../../shared/hooks/useResolver';
import { CustomerFigures, NothingShared, PortalView } from '../../shared/portal/PortalView';

const names = (people: readonly string[]): string => new Intl.ListFormat('en', { type: 'conjunction' }).format(people);

/** A request in the customer portal: the plan it counts against, the hours left, what this request used, the period's end. */
export function PortalRequestPanel() {
  const { locale } = useSurfaceContext();
  const { state, reload } = useResolver('portal/request', {});
  return (
    <PortalView state={state} onRetry={reload}>
      {({ balance }) =>
        balance === null ? (
          <NothingShared />
        ) : (
          <section className="sh-stack" aria-label="Support hours for this request">
            <p>
              This request counts against <strong>{balance.planName}</strong>. It used <strong data-testid="request-hours">{formatHours(balance.requestSeconds, locale)}</strong> this
              period.
            </p>
            <CustomerFigures balance={balance} locale={locale} />
            {balance.workedBy === null || balance.workedBy.length === 0 ? null : <p data-testid="worked-by">Worked on this period by {names(balance.workedBy)}.</p>}
          </section>
        )
      }
    </PortalView>
  );
}
