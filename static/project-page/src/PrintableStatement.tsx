import { useMemo, useState } from 'react';
import type { DataOf, StoredPlan } from '@contract/index';
import { renderPrintableStatement } from '../../../src/statement-print';
import { Button } from '../../shared/components/Button';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { printStatement } from './print-statement';

/**
 * The customer statement as a print-ready page. Shown inside the app's own frame (Forge's iframe may not open
 * pop-ups) in an iframe of its own, sandboxed with no permission at all (no script, not of our origin, no form,
 * no pop-up) on top of the document's own Content-Security-Policy; "Print" prints a copy of it from this frame
 * ("Save as PDF"); "Download (HTML)" saves the same self-contained page for printing elsewhere.
 */
export function PrintableStatement({ statement, plan }: { statement: DataOf<'usage/statement'>; plan: StoredPlan['plan'] }) {
  const { locale, projectKey } = useSurfaceContext();
  const [open, setOpen] = useState(false);
  const html = useMemo(
    () =>
      open
        ? renderPrintableStatement({ statement, plan, locale, customer: { name: plan.name, ...(projectKey === null ? {} : { reference: projectKey }) } })
        : '',
    [open, statement, plan, locale, projectKey],
  );
  const download = () => {
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${statement.planId}-${statement.period.label}.html`;
    link.click();
    URL.revokeObjectURL(url);
  };
  if (!open) return <Button onClick={() => setOpen(true)}>Printable statement</Button>;
  return (
    <section className="sh-stack" aria-label="Printable statement">
      <div className="sh-row">
        <Button appearance="primary" onClick={() => printStatement(html)}>
          Print
        </Button>
        <Button onClick={download}>Download (HTML)</Button>
        <Button onClick={() => setOpen(false)}>Close</Button>
      </div>
      <iframe
        sandbox=""
        title={`Printable statement ${statement.period.label}`}
        srcDoc={html}
        style={{ width: '100%', height: '70vh', border: '1px solid var(--ds-border, #c1c7d0)', background: '#ffffff' }}
      />
    </section>
  );
}
