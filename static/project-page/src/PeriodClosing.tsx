import { useRef, useState } from 'react';
import type { PeriodState } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import { Field } from '../../shared/components/Field';
import { LoadableView } from '../../shared/components/LoadableView';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { formatDateTime } from '../../shared/format/dates';
import { usePeopleNames } from '../../shared/hooks/usePeopleNames';
import { useResolver } from '../../shared/hooks/useResolver';
import { useWrite } from '../../shared/hooks/useWrite';
import { TableScroll } from '../../shared/components/TableScroll';

interface PeriodClosingProps {
  readonly planId: string;
  readonly timeZone: string;
  /** Called after a close or reopen, so the statement and history load again. */
  readonly onChanged: () => void;
}

/**
 * The plan's periods, open or closed, and why an open one can't be closed yet. Project admins
 * close an ended period whose figures are complete (a second press confirms) and reopen the last closed one with a reason; everyone sees who closed what, when.
 */
export function PeriodClosing({ planId, timeZone, onChanged }: PeriodClosingProps) {
  const { locale, timeZone: viewerTimeZone } = useSurfaceContext();
  const periods = useResolver('closing/list', { planId });
  const nameOf = usePeopleNames(periods.state.status === 'ready' ? periods.state.data.periods.flatMap((period) => period.versions.map((version) => version.closedBy)) : []);
  const close = useWrite('closing/close');
  const reopen = useWrite('closing/reopen');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const failure = close.error ?? reopen.error;
  // The outcome of the last close or reopen, shown (and given the keyboard) above the table, which reloads beneath it.
  const [notice, setNotice] = useState<{ readonly text: string; readonly count: number } | null>(null);
  const reasonInput = useRef<HTMLInputElement>(null);

  const afterWrite = (ok: boolean, text: string) => {
    if (!ok) return;
    setNotice({ text, count: (notice?.count ?? 0) + 1 });
    setConfirming(null);
    setReopening(null);
    setReason('');
    periods.reload();
    onChanged();
  };

  const onClose = async (label: string) => {
    if (confirming !== label) {
      setConfirming(label);
      return;
    }
    setNotice(null);
    afterWrite((await close.run({ planId, period: label })).ok, `Closed ${label}: its statement is frozen.`);
  };

  const onReopen = async (label: string) => {
    if (reason.trim() === '') {
      setReasonError('Say why the period is reopened.');
      reasonInput.current?.focus();
      return;
    }
    setReasonError(undefined);
    setNotice(null);
    afterWrite((await reopen.run({ planId, period: label, reason })).ok, `Reopened ${label}.`);
  };

  /** Why an open period can't be closed yet, and when it should be (the sentence gives the time in the plan's zone). */
  const blockerNote = (state: PeriodState) =>
    state.blocker === null ? null : (
      <p className="sh-field-help" data-closing-blocker={state.blocker.reason}>
        {state.blocker.message}
      </p>
    );

  const closedNote = (state: PeriodState) => {
    const latest = state.versions.at(-1);
    if (latest === undefined) return '';
    return `v${latest.version}, ${formatDateTime(latest.closedAt, { timeZone, viewerTimeZone }, locale)} by ${nameOf(latest.closedBy)}`;
  };

  return (
    <div className="sh-stack">
      {notice === null ? null : (
        <Banner key={notice.count} appearance="success" takeFocus>
          {notice.text}
        </Banner>
      )}
      <LoadableView state={periods.state} what="the periods" onRetry={periods.reload}>
        {(data) => (
          <div className="sh-stack">
            {failure === null ? null : <Banner appearance="error">{failure.message}</Banner>}
            <TableScroll label="Open and closed periods">
              <table className="sh-table">
                <caption className="sh-visually-hidden">Open and closed periods</caption>
                <thead>
                  <tr>
                    <th scope="col">Period</th>
                    <th scope="col">Status</th>
                    <th scope="col">Last closed, or why not closable yet</th>
                    {data.canAdminister ? <th scope="col">Action</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {[...data.periods].reverse().map((state) => (
                    <tr key={state.period.label}>
                      <td>{state.period.label}</td>
                      <td>
                        <Lozenge appearance={state.status === 'closed' ? 'success' : 'inprogress'}>
                          {state.status === 'closed' ? `Closed (v${state.version})` : 'Open'}
                        </Lozenge>
                      </td>
                      <td>
                        {closedNote(state)}
                        {blockerNote(state)}
                      </td>
                      {data.canAdminister ? (
                        <td>
                          {state.closable ? (
                            <Button appearance={confirming === state.period.label ? 'danger' : 'default'} isDisabled={close.pending} onClick={() => void onClose(state.period.label)}>
                              {confirming === state.period.label ? `Confirm: close ${state.period.label}` : 'Close period'}
                            </Button>
                          ) : null}
                          {state.reopenable && reopening !== state.period.label ? <Button onClick={() => setReopening(state.period.label)}>Reopen…</Button> : null}
                          {reopening === state.period.label ? (
                            <div className="sh-row">
                              {/* Asked for by "Reopen…", the reason field takes the keyboard. */}
                              <Field label={`Why reopen ${state.period.label}?`} error={reasonError}>
                                <Textfield ref={reasonInput} value={reason} isRequired autoFocus onChange={(event) => setReason(event.currentTarget.value)} />
                              </Field>
                              <Button appearance="danger" isDisabled={reopen.pending} onClick={() => void onReopen(state.period.label)}>
                                Reopen
                              </Button>
                              <Button onClick={() => setReopening(null)}>Cancel</Button>
                            </div>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
        )}
      </LoadableView>
    </div>
  );
}
