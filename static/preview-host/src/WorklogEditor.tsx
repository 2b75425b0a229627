import { useCallback, useEffect, useState } from 'react';
import type { DemoUser } from '@preview/protocol';
import { formatHours } from '@quantities/index';
import { addWorklog, deleteWorklog, type DemoWorklog, listWorklogs, updateWorklog } from './jira-rest';

interface WorklogEditorProps {
  readonly user: DemoUser;
  readonly issueKey: string;
  /** Called once the app has handled the change's events. */
  readonly onChanged: () => Promise<void>;
}

/** `2026-11-26T10:00` from a datetime-local field, read as UTC, in Jira's format. */
function toJiraStarted(local: string): string {
  return `${local}:00.000+0000`;
}

/** An instant as a datetime-local value in UTC, e.g. `2026-11-26T10:00`. */
function utcInputValue(instant: Date): string {
  return instant.toISOString().slice(0, 16);
}

/** Log, edit and delete work on the issue through Jira's REST API, as the selected user. */
export function WorklogEditor({ user, issueKey, onChanged }: WorklogEditorProps) {
  const [worklogs, setWorklogs] = useState<DemoWorklog[]>([]);
  const [started, setStarted] = useState(() => utcInputValue(new Date()));
  const [hours, setHours] = useState('1');
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(async () => setWorklogs(await listWorklogs(user, issueKey)), [user, issueKey]);
  useEffect(() => {
    listWorklogs(user, issueKey).then(setWorklogs, (error: unknown) => setMessage(String(error)));
  }, [user, issueKey]);

  const run = async (change: () => Promise<void>) => {
    setMessage(null);
    try {
      await change();
      setEditing(null);
      await refresh();
      await onChanged();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  const input = () => ({ started: toJiraStarted(started), timeSpentSeconds: Math.round(Number(hours) * 3600) });
  const save = () => run(() => (editing === null ? addWorklog(user, issueKey, input()) : updateWorklog(user, issueKey, editing, input())));

  return (
    <section className="host-worklogs" aria-label="Work log">
      <h2>Work log</h2>
      <form
        className="host-row"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>
          Started (UTC)
          <input type="datetime-local" value={started} onChange={(event) => setStarted(event.target.value)} required />
        </label>
        <label>
          Hours
          <input type="number" min="0.25" step="0.25" value={hours} onChange={(event) => setHours(event.target.value)} required />
        </label>
        <button type="submit">{editing === null ? 'Log work' : 'Save worklog'}</button>
        {editing === null ? null : (
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        )}
      </form>
      {message === null ? null : <p role="alert">{message}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Hours</th>
            <th scope="col">Author</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {worklogs.map((worklog) => (
            <tr key={worklog.id}>
              <td>{worklog.started}</td>
              <td>{formatHours(worklog.timeSpentSeconds, 'en-US', { decimals: 'exactly-two' })}</td>
              <td>{worklog.author?.displayName ?? worklog.author?.accountId ?? ''}</td>
              <td>
                <button
                  type="button"
                  onClick={() => {
                    setEditing(worklog.id);
                    setStarted(utcInputValue(new Date(worklog.started)));
                    setHours(String(worklog.timeSpentSeconds / 3600));
                  }}
                >
                  Edit
                </button>
                <button type="button" onClick={() => void run(() => deleteWorklog(user, issueKey, worklog.id))}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
