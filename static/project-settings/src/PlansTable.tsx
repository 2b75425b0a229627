import { useState } from 'react';
import type { StoredPlan } from '@contract/index';
import { Button } from '../../shared/components/Button';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { formatDateTime } from '../../shared/format/dates';

interface PlansTableProps {
  readonly plans: readonly StoredPlan[];
  readonly pending: boolean;
  readonly onEdit: (stored: StoredPlan) => void;
  readonly onArchive: (stored: StoredPlan) => void;
  readonly onDelete: (stored: StoredPlan) => void;
  readonly onHistory: (stored: StoredPlan) => void;
}

/** The project's plans with their actions; deleting asks to be confirmed with a second press. */
export function PlansTable({ plans, pending, onEdit, onArchive, onDelete, onHistory }: PlansTableProps) {
  const { locale, timeZone } = useSurfaceContext();
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  if (plans.length === 0) return <p>No plans yet. Create the first one to start counting support hours.</p>;
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
              <td>{stored.status === 'active' ? 'Active' : 'Archived'}</td>
              <td>
                v{stored.version} · {formatDateTime(stored.updatedAt, timeZone, locale)}
              </td>
              <td className="sh-row">
                <Button onClick={() => onEdit(stored)} disabled={pending} aria-label={`Edit ${name}`}>
                  Edit
                </Button>
                <Button onClick={() => onHistory(stored)} aria-label={`History of ${name}`}>
                  History
                </Button>
                {stored.status === 'active' ? (
                  <Button onClick={() => onArchive(stored)} disabled={pending} aria-label={`Archive ${name}`}>
                    Archive
                  </Button>
                ) : null}
                {confirmingDelete === id ? (
                  <Button appearance="danger" onClick={() => onDelete(stored)} disabled={pending}>
                    Confirm deleting {name}
                  </Button>
                ) : (
                  <Button onClick={() => setConfirmingDelete(id)} disabled={pending} aria-label={`Delete ${name}`}>
                    Delete
                  </Button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
