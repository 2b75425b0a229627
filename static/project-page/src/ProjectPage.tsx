import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { LoadableView } from '../../shared/components/LoadableView';
import { PlanBadge } from '../../shared/components/PlanBadge';
import { PlanBalance } from '../../shared/components/PlanBalance';
import { useResolver } from '../../shared/hooks/useResolver';
import { usePlanRoute } from '../../shared/navigation/usePlanRoute';
import { PlanDetails } from './PlanDetails';

/** Every plan of the project as a card; the one the page's address names (else the first) in depth below. */
export function ProjectPage() {
  const { state, reload } = useResolver('usage/overview', {});
  const route = usePlanRoute();
  return (
    <LoadableView state={state} what="the project's support plans" onRetry={reload}>
      {({ project, cards }) => {
        const chosen = cards.find((card) => card.planId === route.planId) ?? cards[0];
        return (
          <div className="sh-stack">
            <h1>Support hours · {project.key}</h1>
            {chosen === undefined ? (
              <EmptyState
                header="No support plans yet"
                headingLevel={2}
                headingSize="medium"
                description="This project has no support plans yet. A project admin can create one in the project settings."
              />
            ) : null}
            <div className="sh-cards">
              {cards.map((card) => (
                <article key={card.planId} className="sh-card sh-stack" aria-label={card.planName}>
                  <PlanBadge card={card} />
                  <PlanBalance card={card} />
                  <div>
                    <Button aria-pressed={card.planId === chosen?.planId} onClick={() => route.choose(card.planId)}>
                      Show details
                    </Button>
                  </div>
                </article>
              ))}
            </div>
            {chosen === undefined || !route.ready ? null : <PlanDetails key={chosen.planId} card={chosen} />}
          </div>
        );
      }}
    </LoadableView>
  );
}
