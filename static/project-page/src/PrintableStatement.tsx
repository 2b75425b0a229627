import { useState } from 'react';
import { renderPrintableStatement } from '../../../src/statement-print';
import Button from '@atlaskit/button/new';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';
import { downloadFile } from './download-file';
import { printStatement } from './print-statement';
import { ReadStatementButton, type StatementExportProps } from './ReadStatementButton';
import type { ExportedStatement } from './useInvoicedStatement';

/**
 * The customer statement as a print-ready page, every page of the statement read first. Shown inside the app's own
 * frame (Forge's iframe may not open pop-ups) in an iframe of its own, sandboxed with no permission at all (no
 * script, not of our origin, no form, no pop-up) on top of the document's own Content-Security-Policy; "Print"
 * prints a copy of it from this frame ("Save as PDF"); "Download (HTML)" saves the same self-contained page for
 * printing elsewhere.
 */
export function PrintableStatement({ summary, statement, plan, onChanged }: StatementExportProps) {
  const { locale, projectKey } = useSurfaceContext();
  const [html, setHtml] = useState<string | null>(null);
  const open = (exported: ExportedStatement) =>
    setHtml(renderPrintableStatement({ ...exported, plan, locale, customer: { name: plan.name, ...(projectKey === null ? {} : { reference: projectKey }) } }));
  if (html === null) {
    return <ReadStatementButton label="Printable statement" summary={summary} statement={statement} onChanged={onChanged} onRead={open} />;
  }
  return (
    <section className="sh-stack" aria-label="Printable statement">
      <div className="sh-row">
        <Button appearance="primary" onClick={() => printStatement(html)}>
          Print
        </Button>
        <Button onClick={() => downloadFile(html, 'text/html;charset=utf-8', `${summary.planId}-${summary.period.label}.html`)}>Download (HTML)</Button>
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
