import { LoadableView } from '../../shared/components/LoadableView';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { formatDateTime, viewersOwn } from '../../shared/format/dates';
import { usePeopleNames } from '../../shared/hooks/usePeopleNames';
import { useResolver } from '../../shared/hooks/useResolver';
import { accountsNamedBy, entrySentences } from './history-sentences';

/** The plan's term versions (from which period each applies, who made it, when), then who changed what, newest first. */
export function PlanHistory({ planId }: { planId: string }) {
  const { locale, timeZone } = useSurfaceContext();
  const { state, reload } = useResolver('plans/get', { planId });
  const loaded = state.status === 'ready' ? state.data : null;
  const nameOf = usePeopleNames(loaded === null ? [] : [...loaded.plan.terms.map((terms) => terms.madeBy), ...loaded.history.flatMap(accountsNamedBy)]);
  return (
    <section className="sh-stack sh-card" aria-label="Change history">
      <LoadableView state={state} what="the plan's change history" onRetry={reload}>
        {({ plan, history }) => (
          <>
            <h2>History of {plan.plan.name}</h2>
            <h3>Term versions</h3>
            <ol className="sh-stack" aria-label="Term versions">
              {[...plan.terms].reverse().map((terms) => (
                <li key={terms.version}>
                  <strong>Terms v{terms.version}</strong> apply from {terms.from}: made by {nameOf(terms.madeBy)} on{' '}
                  {formatDateTime(terms.madeAt, viewersOwn(timeZone), locale)} (plan v{terms.planVersion})
                </li>
              ))}
            </ol>
            <h3>Changes</h3>
            <ol className="sh-stack" aria-label="Changes">
              {[...history].reverse().map((entry) => (
                <li key={entry.version}>
                  <strong>
                    v{entry.version} · {formatDateTime(entry.at, viewersOwn(timeZone), locale)}
                  </strong>
                  <ul>
                    {entrySentences(entry, { currency: plan.plan.currency, locale, nameOf }).map((sentence) => (
                      <li key={sentence}>{sentence}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </>
        )}
      </LoadableView>
    </section>
  );
}
