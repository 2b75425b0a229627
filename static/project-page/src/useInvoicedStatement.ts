import { useState } from 'react';
import type { InvoicedStatement } from '@ledger/types';
import { fetchStatementPage } from './statement-fetch';
import { collectInvoicedStatement, StatementChanged, type StatementRef, type StatementSummary } from './statement-pages';

export interface InvoicedStatementReader {
  /** The whole statement, every page read; null when it could not be (`problem` says why). */
  readonly read: () => Promise<InvoicedStatement | null>;
  /** "Reading 4,000 of 21,004 lines…" while pages arrive; null otherwise. */
  readonly progress: string | null;
  readonly problem: string | null;
}

/**
 * Puts a statement's pages together for an export (CSV, printable), which needs every line and late adjustment.
 * When the statement changed while its pages were read, says so and reads the statement again (`onChanged`).
 */
export function useInvoicedStatement(summary: StatementSummary, statement: StatementRef, onChanged: () => void): InvoicedStatementReader {
  const [progress, setProgress] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const read = async (): Promise<InvoicedStatement | null> => {
    setProblem(null);
    try {
      return await collectInvoicedStatement(summary, statement, fetchStatementPage, (arrived, total) =>
        setProgress(`Reading ${arrived.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} lines…`),
      );
    } catch (error) {
      if (error instanceof StatementChanged) {
        setProblem('The statement changed while it was being read. It has been read again: please try once more.');
        onChanged();
      } else {
        setProblem(error instanceof Error ? error.message : String(error));
      }
      return null;
    } finally {
      setProgress(null);
    }
  };
  return { read, progress, problem };
}
