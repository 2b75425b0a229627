import { LoadableView } from '../../shared/components/LoadableView';
import { useResolver } from '../../shared/hooks/useResolver';

export function ProjectSettings() {
  const { state, reload } = useResolver('plans/list', { includeArchived: true });
  return (
    <LoadableView state={state} what="the project's support plans" onRetry={reload}>
      {({ plans }) => (
        <div className="sh-stack">
          <h1>Support plans</h1>
          <ul>
            {plans.map((stored) => (
              <li key={stored.plan.id}>{stored.plan.name}</li>
            ))}
          </ul>
        </div>
      )}
    </LoadableView>
  );
}
