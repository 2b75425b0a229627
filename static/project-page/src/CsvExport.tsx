import { formatStatementCsv } from '@cli/format-csv';
import type { StoredPlan } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import { Button } from '../../shared/components/Button';
import type { StatementRef, StatementSummary } from './statement-pages';
import { useInvoicedStatement } from './useInvoicedStatement';

interface CsvExportProps {
  readonly summary: StatementSummary;
  readonly statement: StatementRef;
  readonly plan: StoredPlan['plan'];
  readonly onChanged: () => void;
}

/** Downloads the period's statement as the same CSV the command line writes, every page of it read first. */
export function CsvExport({ summary, statement, plan, onChanged }: CsvExportProps) {
  const invoiced = useInvoicedStatement(summary, statement, onChanged);
  const download = async () => {
    const exported = await invoiced.read();
    if (exported === null) return;
    const csv = formatStatementCsv({ ...exported, plan });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${summary.planId}-${summary.period.label}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <Button onClick={() => void download()} aria-busy={invoiced.progress !== null}>
        Download statement (CSV)
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
