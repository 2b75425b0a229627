import { formatStatementCsv } from '@cli/format-csv';
import { downloadFile } from './download-file';
import { ReadStatementButton, type StatementExportProps } from './ReadStatementButton';

/** Downloads the period's statement as the same CSV the command line writes, every page of it read first (marked provisional while the figures are updating). */
export function CsvExport({ summary, statement, plan, onChanged }: StatementExportProps) {
  return (
    <ReadStatementButton
      label="Download statement (CSV)"
      summary={summary}
      statement={statement}
      onChanged={onChanged}
      onRead={(exported) =>
        downloadFile(formatStatementCsv({ ...exported, plan }), 'text/csv;charset=utf-8', `${summary.planId}-${summary.period.label}${exported.provisionalAsOf === undefined ? '' : '-provisional'}.csv`)
      }
    />
  );
}
