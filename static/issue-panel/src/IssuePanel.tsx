import { router } from '@forge/bridge';
import type { IssueView } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import { LoadableView } from '../../shared/components/LoadableView';
import { PlanBalance } from '../../shared/components/PlanBalance';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { PROJECT_PAGE_MODULE_KEY } from '../../shared/modules';
import { IssueShare } from './IssueShare';
import { LinkEditor } from './LinkEditor';
import { useIssueView } from './useIssueView';

export function IssuePanel() {
  const { state, reload, replace } = useIssueView();
  return (
    <LoadableView state={state} what="this issue's support plan" onRetry={reload}>
      {(view) => <IssuePlan view={view} onChanged={replace} />}
    </LoadableView>
  );
}

function IssuePlan({ view, onChanged }: { view: IssueView; onChanged: (view: IssueView) => void }) {
  const { projectKey } = useSurfaceContext();
  const editor = view.canEdit ? <LinkEditor key={`${view.link?.planId}:${view.link?.billingClass}`} view={view} onSaved={onChanged} /> : null;
  if (view.link === null) {
    return (
      <div className="sh-stack">
        <p data-testid="no-plan">This issue counts against no support plan.</p>
        {editor ?? <p className="sh-subtle">Someone who can edit this issue can add it to one of the project's plans.</p>}
      </div>
    );
  }
  if (view.balance === null) {
    return (
      <div className="sh-stack">
        <Banner appearance="warning">This issue is on the plan “{view.link.planId}”, which no longer exists.</Banner>
        {editor}
      </div>
    );
  }
  const openProjectPage = () =>
    void router.navigate({ target: 'module', moduleKey: PROJECT_PAGE_MODULE_KEY, ...(projectKey === null ? {} : { projectKey }) });
  return (
    <div className="sh-stack">
      <PlanBalance card={view.balance} />
      {view.issueUsage === null ? null : <IssueShare period={view.issueUsage.period} allTime={view.issueUsage.allTime} />}
      <p>
        <a
          href="#project-page"
          onClick={(event) => {
            event.preventDefault();
            openProjectPage();
          }}
        >
          Open {view.balance.planName} on the project page
        </a>
      </p>
      {editor}
    </div>
  );
}
