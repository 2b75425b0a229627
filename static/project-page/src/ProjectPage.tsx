import { LoadableView } from '../../shared/components/LoadableView';
import { PlanBalance } from '../../shared/components/PlanBalance';
import { useResolver } from '../../shared/hooks/useResolver';

export function ProjectPage() {
  const { state, reload } = useResolver('usage/overview', {});
  return (
    <LoadableView state={state} what="the project's support plans" onRetry={reload}>
      {({ project, cards }) => (
        <div className="sh-stack">
          <h1>Support hours · {project.key}</h1>
          {cards.length === 0 ? <p>This project has no support plans yet. A project admin can create one in project settings.</p> : null}
          {cards.map((card) => (
            <article key={card.planId} className="sh-card">
              <PlanBalance card={card} headingLevel={2} />
            </article>
          ))}
        </div>
      )}
    </LoadableView>
  );
}
