import { useState } from 'react';
import type { InvoicedStatement } from '@ledger/types';
import { formatCount } from '../../shared/format/count';
import { authorNamesOf } from './author-names';
import { fetchStatementPage } from './statement-fetch';
import { collectInvoicedStatement, StatementChanged, type StatementRef, type StatementSummary } from './statement-pages';

/** What an export prints: the whole statement and the name of everyone whose work it lists. */
export interface ExportedStatement {
  readonly statement: InvoicedStatement;
  /** Account id → display name ("Former user" for an account Jira does not know). */
  readonly authorNames: ReadonlyMap<string, string>;
  /** Set when the statement is the last refreshed one while the figures were updating: the instant it is complete through (exports say it is provisional). */
  readonly provisionalAsOf?: number;
}

export interface InvoicedStatementReader {
  /** The whole statement, every page read, with its people's names; null when it could not be (`problem` says why). */
  readonly read: () => Promise<ExportedStatement | null>;
  /** "Reading 4,000 of 21,004 lines…" while pages arrive; null otherwise. */
  readonly progress: string | null;
  readonly problem: string | null;
}

/**
 * Puts a statement's pages together for an export (CSV, printable), which needs every line and late adjustment and
 * the names of the people who did the work.
 * When the statement changed while its pages were read, says so and reads the statement again (`onChanged`).
 */
export function useInvoicedStatement(summary: StatementSummary, statement: StatementRef, onChanged: () => void): InvoicedStatementReader {
  const [progress, setProgress] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const read = async (): Promise<ExportedStatement | null> => {
    setProblem(null);
    try {
      const whole = await collectInvoicedStatement(summary, statement, fetchStatementPage, (arrived, total) =>
        setProgress(`Reading ${formatCount(arrived)} of ${formatCount(total)} lines…`),
      );
      const authorNames = await authorNamesOf(whole);
      return summary.updating === null ? { statement: whole, authorNames } : { statement: whole, authorNames, provisionalAsOf: summary.updating.asOf };
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
