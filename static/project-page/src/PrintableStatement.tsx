import { useState } from 'react';
import type { StoredPlan } from '@contract/index';
import { renderPrintableStatement } from '../../../src/statement-print';
import { Banner } from '../../shared/components/Banner';
import { Button } from '../../shared/components/Button';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { printStatement } from './print-statement';
import type { StatementRef, StatementSummary } from './statement-pages';
import { useInvoicedStatement } from './useInvoicedStatement';

interface PrintableStatementProps {
  readonly summary: StatementSummary;
  readonly statement: StatementRef;
  readonly plan: StoredPlan['plan'];
  readonly onChanged: () => void;
}

/**
 * The customer statement as a print-ready page, every page of the statement read first. Shown inside the app's own
 * frame (Forge's iframe may not open pop-ups) in an iframe of its own, sandboxed with no permission at all (no
 * script, not of our origin, no form, no pop-up) on top of the document's own Content-Security-Policy; "Print"
 * prints a copy of it from this frame ("Save as PDF"); "Download (HTML)" saves the same self-contained page for
 * printing elsewhere.
 */
export function PrintableStatement({ summary, statement, plan, onChanged }: PrintableStatementProps) {
  const { locale, projectKey } = useSurfaceContext();
  const invoiced = useInvoicedStatement(summary, statement, onChanged);
  const [html, setHtml] = useState<string | null>(null);
  const open = async () => {
    const exported = await invoiced.read();
    if (exported === null) return;
    setHtml(renderPrintableStatement({ ...exported, plan, locale, customer: { name: plan.name, ...(projectKey === null ? {} : { reference: projectKey }) } }));
  };
  const download = (document: string) => {
    const url = URL.createObjectURL(new Blob([document], { type: 'text/html;charset=utf-8' }));
    const link = window.document.createElement('a');
    link.href = url;
    link.download = `${summary.planId}-${summary.period.label}.html`;
    link.click();
    URL.revokeObjectURL(url);
  };
  if (html === null) {
    return (
      <>
        <Button onClick={() => void open()} aria-busy={invoiced.progress !== null}>
          Printable statement
        </Button>
        {invoiced.progress === null ? null : (
          <span className="sh-subtle" role="status" aria-live="polite">
            {invoiced.progress}
          </span>
        )}
        {invoiced.problem === null ? null : <Banner appearance="error">{invoiced.problem}</Banner>}
      </>
    );
  }
  return (
    <section className="sh-stack" aria-label="Printable statement">
      <div className="sh-row">
        <Button appearance="primary" onClick={() => printStatement(html)}>
          Print
        </Button>
        <Button onClick={() => download(html)}>Download (HTML)</Button>
        <Button onClick={() => setHtml(null)}>Close</Button>
      </div>
      <iframe
        sandbox=""
        title={`Printable statement ${summary.period.label}`}
        srcDoc={html}
        style={{ width: '100%', height: '70vh', border: '1px solid var(--ds-border, #c1c7d0)', background: '#ffffff' }}
      />
    </section>
  );
}
