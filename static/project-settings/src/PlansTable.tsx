import { useState } from 'react';
import type { StoredPlan } from '@contract/index';
import { Button } from '../../shared/components/Button';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { formatDateTime, viewersOwn } from '../../shared/format/dates';

/** What a project administrator may do to a plan; absent for everyone else. */
export interface PlanChanges {
  readonly onEdit: (stored: StoredPlan) => void;
  readonly onArchive: (stored: StoredPlan) => void;
  readonly onDelete: (stored: StoredPlan) => void;
}

interface PlansTableProps {
  readonly plans: readonly StoredPlan[];
  readonly pending: boolean;
  readonly changes: PlanChanges | undefined;
  readonly onHistory: (stored: StoredPlan) => void;
}

const STATUS_TEXT: Readonly<Record<StoredPlan['status'], string>> = { active: 'Active', archived: 'Archived', deleting: 'Being deleted' };

interface PlanActionsProps {
  readonly stored: StoredPlan;
  readonly changes: PlanChanges | undefined;
  readonly pending: boolean;
  readonly confirmingDelete: string | null;
  readonly onConfirm: (planId: string) => void;
  readonly onHistory: (stored: StoredPlan) => void;
}

/** A plan's buttons; a plan being deleted has none (its key is free again once its records are purged). */
function PlanActions({ stored, changes, pending, confirmingDelete, onConfirm, onHistory }: PlanActionsProps) {
  const { id, name } = stored.plan;
  return (
    <>
      {changes === undefined ? null : (
        <Button onClick={() => changes.onEdit(stored)} disabled={pending} aria-label={`Edit ${name}`}>
          Edit
        </Button>
      )}
      <Button onClick={() => onHistory(stored)} aria-label={`History of ${name}`}>
        History
      </Button>
      {changes === undefined ? null : stored.status === 'active' ? (
        <Button onClick={() => changes.onArchive(stored)} disabled={pending} aria-label={`Archive ${name}`}>
          Archive
        </Button>
      ) : null}
      {changes === undefined ? null : confirmingDelete === id ? (
        <Button appearance="danger" onClick={() => changes.onDelete(stored)} disabled={pending}>
          Confirm deleting {name}
        </Button>
      ) : (
        <Button onClick={() => onConfirm(id)} disabled={pending} aria-label={`Delete ${name}`}>
          Delete
        </Button>
      )}
    </>
  );
}

/** The project's plans with their actions; deleting asks to be confirmed with a second press. Read-only without `changes`. */
export function PlansTable({ plans, pending, changes, onHistory }: PlansTableProps) {
  const { locale, timeZone } = useSurfaceContext();
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  if (plans.length === 0) return <p>{changes === undefined ? 'This project has no support plans yet.' : 'No plans yet. Create the first one to start counting support hours.'}</p>;
  return (
    <table className="sh-table">
      <caption className="sh-visually-hidden">Support plans of this project</caption>
      <thead>
        <tr>
          <th scope="col">Plan</th>
          <th scope="col">Id</th>
          <th scope="col">Status</th>
          <th scope="col">Last change</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((stored) => {
          const { id, name } = stored.plan;
          return (
            <tr key={id}>
              <th scope="row">{name}</th>
              <td>{id}</td>
              <td>{STATUS_TEXT[stored.status]}</td>
              <td>
                v{stored.version} · {formatDateTime(stored.updatedAt, viewersOwn(timeZone), locale)}
              </td>
              <td className="sh-row">
                {stored.status === 'deleting' ? null : (
                  <PlanActions stored={stored} changes={changes} pending={pending} confirmingDelete={confirmingDelete} onConfirm={setConfirmingDelete} onHistory={onHistory} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
