import type { StoredPlan } from '@contract/index';
import { Banner } from '../../shared/components/Banner';
import Button from '@atlaskit/button/new';
import type { StatementRef, StatementSummary } from './statement-pages';
import { useInvoicedStatement, type ExportedStatement } from './useInvoicedStatement';

/** What an export of a period's statement (CSV, printable) is given. */
export interface StatementExportProps {
  readonly summary: StatementSummary;
  readonly statement: StatementRef;
  readonly plan: StoredPlan['plan'];
  /** Reads the statement again: it changed while its pages were being read. */
  readonly onChanged: () => void;
}

interface ReadStatementButtonProps extends Omit<StatementExportProps, 'plan'> {
  readonly label: string;
  /** Gets the whole statement, every page of it read, with its people's names. */
  readonly onRead: (exported: ExportedStatement) => void;
}

/** A button that reads every page of the statement for an export, with the reading's progress and any problem beside it. */
export function ReadStatementButton({ label, summary, statement, onChanged, onRead }: ReadStatementButtonProps) {
  const invoiced = useInvoicedStatement(summary, statement, onChanged);
  const read = async () => {
    const exported = await invoiced.read();
    if (exported !== null) onRead(exported);
  };
  return (
    <>
      <Button onClick={() => void read()} aria-busy={invoiced.progress !== null}>
        {label}
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
