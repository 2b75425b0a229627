import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { useResolver } from '../../shared/hooks/useResolver';
import { CustomerFigures, NothingShared, PortalView } from '../../shared/portal/PortalView';

/** The Help Center's and portal pages' footer: each support plan shared with the signed-in customer, this period. */
export function PortalFooter() {
  const { locale } = useSurfaceContext();
  const { state, reload } = useResolver('portal/plans', {});
  return (
    <PortalView state={state} onRetry={reload}>
      {({ plans }) =>
        plans.length === 0 ? (
          <NothingShared />
        ) : (
          <section className="sh-stack" aria-label="Your support hours">
            <h2>Your support hours</h2>
            {plans.map((balance) => (
              <section key={balance.planName} className="sh-stack sh-card" aria-label={balance.planName}>
                <h3>
                  {balance.planName} <span className="sh-subtle">· {balance.period.label}</span>
                </h3>
                <CustomerFigures balance={balance} locale={locale} />
              </section>
            ))}
          </section>
        )
      }
    </PortalView>
  );
}
