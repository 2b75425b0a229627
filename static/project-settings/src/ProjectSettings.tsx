import { useEffect, useRef, useState } from 'react';
import type { PayloadOf, StoredPlan } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import Button from '@atlaskit/button/new';
import { LoadableView } from '../../shared/components/LoadableView';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { useResolver } from '../../shared/hooks/useResolver';
import { useWrite } from '../../shared/hooks/useWrite';
import { BulkLink } from './BulkLink';
import { CustomerAccessForm } from './CustomerAccessForm';
import { HardStopForm } from './HardStopForm';
import { DefaultPlan } from './DefaultPlan';
import { InvalidLinks } from './InvalidLinks';
import { OrganizationsForm } from './OrganizationsForm';
import { listPeriods } from '@ledger/list-periods';
import { planAsOneVersion } from '@ledger/terms-in-force';
import { draftOf, emptyDraft } from './plan-draft';
import { PlanForm } from './PlanForm';
import { PlanHistory } from './PlanHistory';
import { PlansTable } from './PlansTable';
import { Problems } from './Problems';

/** How far ahead an edit may be made effective: a year of periods after today's. */
const EFFECTIVE_FROM_AHEAD_MS = 366 * 24 * 3600 * 1000;

/**
 * What the form edits for a stored plan: the terms in force in the current period (with every version's blocks),
 * and the periods a change may apply from, the current one first chosen.
 */
function termsToEdit(stored: StoredPlan): { plan: StoredPlan['plan']; effectiveFrom: { labels: string[]; initial: string } } {
  const now = Date.now();
  const current = listPeriods(stored.plan, now).at(-1);
  const labels = listPeriods(stored.plan, now + EFFECTIVE_FROM_AHEAD_MS).map((period) => period.label);
  return {
    plan: planAsOneVersion(stored.plan, current?.index ?? 0),
    effectiveFrom: { labels, initial: current?.label ?? labels[0] ?? stored.plan.startDate.slice(0, 7) },
  };
}

type Editing = { readonly kind: 'new' } | { readonly kind: 'existing'; readonly stored: StoredPlan } | null;

/** Project admins' page: the plans with their editor, the default plan, bulk linking, each plan's history, and what failed in the background. */
export function ProjectSettings() {
  const { state, reload } = useResolver('plans/list', { includeArchived: true });
  const [editing, setEditing] = useState<Editing>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [accessOf, setAccessOf] = useState<StoredPlan | null>(null);
  const [organizationsOf, setOrganizationsOf] = useState<StoredPlan | null>(null);
  const [hardStopFor, setHardStopFor] = useState<StoredPlan | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { timeZone } = useSurfaceContext();
  const create = useWrite('plans/create');
  const update = useWrite('plans/update');
  const archive = useWrite('plans/archive');
  const remove = useWrite('plans/delete');
  const pending = create.pending || update.pending || archive.pending || remove.pending;
  const actionError = archive.error ?? remove.error;

  // Where the keyboard goes back to when the form is cancelled: the Edit button that opened it, else Create plan.
  const opener = useRef<HTMLElement | null>(null);
  const createButton = useRef<HTMLDivElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (!cancelled.current || editing !== null) return;
    cancelled.current = false;
    const back = opener.current?.isConnected === true ? opener.current : createButton.current?.querySelector('button');
    back?.focus();
  }, [editing]);

  /** Opens or closes the plan form; what the last attempt said (its error, an earlier "Saved …") goes with it. */
  const openForm = (next: Editing) => {
    create.reset();
    update.reset();
    setNotice(null);
    if (next !== null) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEditing(next);
  };
  /** Archive and delete happen in place: an earlier notice would sit beside their outcome. */
  const changeInPlace = async (run: () => Promise<{ ok: boolean }>, done: string) => {
    setNotice(null);
    if ((await run()).ok) finish(done);
  };
  const finish = (message: string) => {
    setEditing(null);
    setNotice(message);
    reload();
  };
  const save = async (plan: PayloadOf<'plans/create'>['plan'], effectiveFrom?: string) => {
    const outcome =
      editing?.kind === 'existing'
        ? await update.run({ planId: editing.stored.plan.id, expectedVersion: editing.stored.version, plan, ...(effectiveFrom === undefined ? {} : { effectiveFrom }) })
        : await create.run({ plan });
    if (outcome.ok) finish(`Saved ${outcome.data.plan.name}.`);
  };
  const versionOf = (stored: StoredPlan) => ({ planId: stored.plan.id, expectedVersion: stored.version });

  return (
    <div className="sh-stack">
      <h1>Support plans</h1>
      {notice === null ? null : (
        <Banner key={notice} appearance="success" takeFocus>
          {notice}
        </Banner>
      )}
      {actionError === null ? null : <Banner appearance="error">{actionError.message}</Banner>}
      <LoadableView state={state} what="the project's support plans" onRetry={reload}>
        {({ plans, canAdminister }) =>
          canAdminister ? (
            <>
              {editing === null ? (
                <div ref={createButton}>
                  <Button appearance="primary" onClick={() => openForm({ kind: 'new' })}>
                    Create plan
                  </Button>
                </div>
              ) : (
                <PlanForm
                  key={editing.kind === 'new' ? 'new' : `${editing.stored.plan.id}:${editing.stored.version}`}
                  initial={editing.kind === 'new' ? emptyDraft(new Date().toISOString().slice(0, 10), timeZone) : draftOf(termsToEdit(editing.stored).plan)}
                  editing={editing.kind === 'existing'}
                  effectiveFrom={editing.kind === 'existing' ? termsToEdit(editing.stored).effectiveFrom : undefined}
                  pending={pending}
                  serverError={editing.kind === 'new' ? create.error : update.error}
                  onSave={(plan, effectiveFrom) => void save(plan, effectiveFrom)}
                  onCancel={() => {
                    cancelled.current = true;
                    openForm(null);
                  }}
                />
              )}
              <PlansTable
                plans={plans}
                pending={pending}
                changes={{
                  onEdit: (stored) => openForm({ kind: 'existing', stored }),
                  onArchive: (stored) => void changeInPlace(() => archive.run(versionOf(stored)), `Archived ${stored.plan.name}.`),
                  onDelete: (stored) => void changeInPlace(() => remove.run(versionOf(stored)), `Deleted ${stored.plan.name}.`),
                  onCustomerAccess: (stored) => {
                    setNotice(null);
                    setAccessOf(stored);
                  },
                  onOrganizations: (stored) => {
                    setNotice(null);
                    setOrganizationsOf(stored);
                  },
                  onHardStop: (stored) => {
                    setNotice(null);
                    setHardStopFor(stored);
                  },
                }}
                onHistory={(stored) => setHistoryOf(stored.plan.id)}
              />
              {accessOf === null ? null : (
                <CustomerAccessForm
                  key={`${accessOf.plan.id}:${accessOf.version}`}
                  stored={accessOf}
                  onSaved={(saved) => {
                    setAccessOf(null);
                    finish(`Saved who sees ${saved.plan.name} in the portal.`);
                  }}
                  onCancel={() => setAccessOf(null)}
                />
              )}
              {organizationsOf === null ? null : (
                <OrganizationsForm
                  key={`${organizationsOf.plan.id}:${organizationsOf.version}`}
                  stored={organizationsOf}
                  onSaved={(saved) => {
                    setOrganizationsOf(null);
                    finish(`Saved the organisations of ${saved.plan.name}.`);
                  }}
                  onCancel={() => setOrganizationsOf(null)}
                />
              )}
              {hardStopFor === null ? null : (
                <HardStopForm
                  key={`${hardStopFor.plan.id}:${hardStopFor.version}`}
                  stored={hardStopFor}
                  onSaved={(saved) => {
                    setHardStopFor(null);
                    finish(`Saved the hard stop of ${saved.plan.name}.`);
                  }}
                  onCancel={() => setHardStopFor(null)}
                />
              )}
              {historyOf === null ? null : <PlanHistory key={historyOf} planId={historyOf} />}
              <DefaultPlan plans={plans} canAdminister />
              <BulkLink plans={plans} />
              <InvalidLinks />
              <Problems />
            </>
          ) : (
            <>
              <Banner appearance="info">
                You can see this project&apos;s support plans but not change them: only administrators of this project can create, edit, archive or delete
                plans, set the default plan or link issues in bulk.
              </Banner>
              <PlansTable plans={plans} pending={false} changes={undefined} onHistory={(stored) => setHistoryOf(stored.plan.id)} />
              {historyOf === null ? null : <PlanHistory key={historyOf} planId={historyOf} />}
              <DefaultPlan plans={plans} canAdminister={false} />
            </>
          )
        }
      </LoadableView>
    </div>
  );
}
