import { useEffect, useRef, useState } from 'react';
import { router } from '@forge/bridge';
import type { IssueView } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import Button from '@atlaskit/button/new';
import { LoadableView } from '../../shared/components/LoadableView';
import { PlanBalance } from '../../shared/components/PlanBalance';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { PROJECT_PAGE_MODULE_KEY } from '../../shared/modules';
import { planPath } from '../../shared/navigation/plan-route';
import { IssueShare } from './IssueShare';
import { LinkEditor } from './LinkEditor';
import { linkOutcome } from './link-outcome';
import { useIssueView } from './useIssueView';

export function IssuePanel() {
  const { state, reload, replace } = useIssueView();
  // The outcome of the last change, with a count so that each save shows (and focuses) its message afresh.
  const [outcome, setOutcome] = useState<{ readonly text: string; readonly count: number } | null>(null);
  return (
    <LoadableView state={state} what="this issue's support plan" onRetry={reload}>
      {(view) => (
        <div className="sh-stack">
          {outcome === null ? null : (
            <Banner key={outcome.count} appearance="success" takeFocus>
              {outcome.text}
            </Banner>
          )}
          <IssuePlan
            view={view}
            // A new attempt takes the last one's message away, so a success never stands beside a later error.
            onEditing={() => setOutcome(null)}
            onChanged={(next) => {
              setOutcome({ text: linkOutcome(view, next), count: (outcome?.count ?? 0) + 1 });
              replace(next);
            }}
          />
        </div>
      )}
    </LoadableView>
  );
}

interface IssuePlanProps {
  readonly view: IssueView;
  /** The user opened the picker or sent a change. */
  readonly onEditing: () => void;
  readonly onChanged: (view: IssueView) => void;
}

function IssuePlan({ view, onEditing, onChanged }: IssuePlanProps) {
  const { projectKey } = useSurfaceContext();
  if (view.link === null) {
    return (
      <div className="sh-stack">
        <p data-testid="no-plan">This issue counts against no support plan.</p>
        {view.canEdit ? (
          <LinkEditor view={view} onSaving={onEditing} onSaved={onChanged} />
        ) : (
          <p className="sh-subtle">Someone who can edit this issue can add it to one of the project's plans.</p>
        )}
      </div>
    );
  }
  const editor = view.canEdit ? <ChangePlan view={view} onEditing={onEditing} onSaved={onChanged} /> : null;
  if (view.balance === null) {
    return (
      <div className="sh-stack">
        <Banner appearance="warning">This issue is on the plan “{view.link.planId}”, which no longer exists.</Banner>
        {editor}
      </div>
    );
  }
  const planId = view.balance.planId;
  const openProjectPage = () =>
    void router.navigate({ target: 'module', moduleKey: PROJECT_PAGE_MODULE_KEY, path: planPath(planId), ...(projectKey === null ? {} : { projectKey }) });
  return (
    <div className="sh-stack">
      {view.balance.status === 'archived' ? <ArchivedPlanNotice planName={view.balance.planName} canEdit={view.canEdit} /> : null}
      {view.hardStop !== undefined && view.balance.thresholdState === 'exhausted' ? <HardStopBanner planName={view.balance.planName} mode={view.hardStop} /> : null}
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

/**
 * An archived plan still counts the work of the issues already on it, and an editor may still change an issue's billing
 * class there; only new issues cannot join it. The notice says so, so the plan's figures are not read as current terms.
 */
function ArchivedPlanNotice({ planName, canEdit }: { planName: string; canEdit: boolean }) {
  return (
    <Banner appearance="info">
      {planName} is archived: work on this issue still counts against it, but no other issue can be added to it.
      {canEdit ? ' You can still change this issue’s billing class, or move it to an active plan with “Change plan”.' : ''}
    </Banner>
  );
}

/**
 * The plan's hours are used up and its admin asked to warn, or to stop guarded transitions too: said before the figures.
 * Which transitions carry the validator is the workflow's business, unknown to the app, so a stopping plan's banner
 * says what the validator does where it was added rather than naming a transition (decision 0060).
 */
function HardStopBanner({ planName, mode }: { planName: string; mode: NonNullable<IssueView['hardStop']> }) {
  return (
    <Banner appearance="warning">
      <span data-testid="hard-stop-banner">
        {planName} has used up its hours for this period.{' '}
        {mode === 'stop'
          ? 'Its plan stops work beyond its hours: transitions guarded by the “Support plan has hours left” validator refuse to move this issue until hours are added.'
          : 'Work logged now is overage; check with the account manager before starting new work.'}
      </span>
    </Banner>
  );
}

/** An editor's way to another plan, or off this one: the picker opens on demand, since its choices cost a read per plan of the project. */
function ChangePlan({ view, onEditing, onSaved }: Pick<IssuePlanProps, 'view' | 'onEditing'> & { readonly onSaved: (view: IssueView) => void }) {
  const [open, setOpen] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const opener = useRef<HTMLDivElement>(null);
  // Cancel puts the keyboard back on the button that opened the picker.
  useEffect(() => {
    if (cancelled && !open) opener.current?.querySelector('button')?.focus();
  }, [cancelled, open]);
  if (!open) {
    return (
      <div ref={opener}>
        <Button
          onClick={() => {
            setCancelled(false);
            setOpen(true);
            onEditing();
          }}
        >
          Change plan
        </Button>
      </div>
    );
  }
  const saved = (next: IssueView) => {
    setOpen(false);
    onSaved(next);
  };
  const cancel = () => {
    setCancelled(true);
    setOpen(false);
  };
  return <LinkEditor view={view} onSaving={onEditing} onSaved={saved} onCancel={cancel} />;
}
