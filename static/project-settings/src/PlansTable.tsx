import { useState } from 'react';
import type { StoredPlan } from '@contract/index';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Lozenge from '@atlaskit/lozenge';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { formatDateTime, viewersOwn } from '../../shared/format/dates';
import { TableScroll } from '../../shared/components/TableScroll';

/** What a project administrator may do to a plan; absent for everyone else. */
export interface PlanChanges {
  readonly onEdit: (stored: StoredPlan) => void;
  readonly onArchive: (stored: StoredPlan) => void;
  readonly onDelete: (stored: StoredPlan) => void;
  /** Who sees the plan in the customer portal. */
  readonly onCustomerAccess: (stored: StoredPlan) => void;
  /** The JSM organisations whose requests follow the plan. */
  readonly onOrganizations: (stored: StoredPlan) => void;
  /** What happens when the plan's hours run out. */
  readonly onHardStop: (stored: StoredPlan) => void;
}

interface PlansTableProps {
  readonly plans: readonly StoredPlan[];
  readonly pending: boolean;
  readonly changes: PlanChanges | undefined;
  readonly onHistory: (stored: StoredPlan) => void;
}

const STATUS_TEXT: Readonly<Record<StoredPlan['status'], string>> = { active: 'Active', archived: 'Archived', deleting: 'Being deleted' };
const STATUS_APPEARANCE = { active: 'success', archived: 'default', deleting: 'removed' } as const;

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
        <Button spacing="compact" onClick={() => changes.onEdit(stored)} isDisabled={pending} aria-label={`Edit ${name}`}>
          Edit
        </Button>
      )}
      <Button spacing="compact" onClick={() => onHistory(stored)} aria-label={`History of ${name}`}>
        History
      </Button>
      {changes !== undefined && stored.status === 'active' ? (
        <Button spacing="compact" onClick={() => changes.onCustomerAccess(stored)} isDisabled={pending} aria-label={`Customer portal access of ${name}`}>
          Portal
        </Button>
      ) : null}
      {changes !== undefined && stored.status === 'active' ? (
        <Button spacing="compact" onClick={() => changes.onOrganizations(stored)} isDisabled={pending} aria-label={`Organisations of ${name}`}>
          Organisations
        </Button>
      ) : null}
      {changes !== undefined && stored.status === 'active' ? (
        <Button spacing="compact" onClick={() => changes.onHardStop(stored)} isDisabled={pending} aria-label={`Hard stop of ${name}`}>
          Hard stop
        </Button>
      ) : null}
      {changes === undefined ? null : stored.status === 'active' ? (
        <Button spacing="compact" onClick={() => changes.onArchive(stored)} isDisabled={pending} aria-label={`Archive ${name}`}>
          Archive
        </Button>
      ) : null}
      {changes === undefined ? null : confirmingDelete === id ? (
        <Button spacing="compact" appearance="danger" onClick={() => changes.onDelete(stored)} isDisabled={pending}>
          Confirm deleting {name}
        </Button>
      ) : (
        <Button spacing="compact" onClick={() => onConfirm(id)} isDisabled={pending} aria-label={`Delete ${name}`}>
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
  if (plans.length === 0) {
    return (
      <EmptyState
        header="No support plans yet"
        headingLevel={3}
        headingSize="xsmall"
        description={changes === undefined ? 'This project has no support plans yet.' : 'Create the first one to start counting support hours.'}
      />
    );
  }
  return (
    <TableScroll label="Support plans of this project">
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
                <td>
                  <Lozenge appearance={STATUS_APPEARANCE[stored.status]}>{STATUS_TEXT[stored.status]}</Lozenge>
                </td>
                <td>
                  v{stored.version} · {formatDateTime(stored.updatedAt, viewersOwn(timeZone), locale)}
                </td>
                <td>
                  {stored.status === 'deleting' ? null : (
                    <div className="sh-row sh-table-actions">
                      <PlanActions stored={stored} changes={changes} pending={pending} confirmingDelete={confirmingDelete} onConfirm={setConfirmingDelete} onHistory={onHistory} />
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
