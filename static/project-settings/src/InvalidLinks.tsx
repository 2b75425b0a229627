import type { InvalidLinks as InvalidLinksData } from '@contract/index';
import { LoadableView } from '../../shared/components/LoadableView';
import { useResolver } from '../../shared/hooks/useResolver';

/** Issues of the project whose plan link names a plan the project does not have: they count for nothing until repaired. */
export function InvalidLinks() {
  const { state, reload } = useResolver('settings/invalidLinks', {});
  return (
    <section className="sh-stack sh-card" aria-label="Links to repair">
      <h2>Links to repair</h2>
      <LoadableView state={state} what="the links to repair" onRetry={reload}>
        {(data) => <InvalidLinksList data={data} />}
      </LoadableView>
    </section>
  );
}

function InvalidLinksList({ data }: { data: InvalidLinksData }) {
  if (data.links.length === 0) return <p data-testid="invalid-links">No issue of this project names a plan it does not have.</p>;
  return (
    <>
      <p>
        These issues name a support plan this project does not have, so their work counts against no plan. Link each to one of
        this project&apos;s plans, or clear its plan, from the issue.
      </p>
      <ul data-testid="invalid-links">
        {data.links.map((link) => (
          <li key={link.issueId}>
            {link.issueKey === '' ? `Issue ${link.issueId}` : link.issueKey} names plan <code>{link.planId}</code>, which this project does not have.
          </li>
        ))}
      </ul>
      {data.dropped === 0 ? null : <p>{data.dropped} older links to repair are no longer listed.</p>}
    </>
  );
}
