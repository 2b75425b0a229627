import { formatStatementCsv } from '@cli/format-csv';
import { downloadFile } from './download-file';
import { ReadStatementButton, type StatementExportProps } from './ReadStatementButton';

/** Downloads the period's statement as the same CSV the command line writes, every page of it read first. */
export function CsvExport({ summary, statement, plan, onChanged }: StatementExportProps) {
  return (
    <ReadStatementButton
      label="Download statement (CSV)"
      summary={summary}
      statement={statement}
      onChanged={onChanged}
      onRead={(exported) => downloadFile(formatStatementCsv({ ...exported, plan }), 'text/csv;charset=utf-8', `${summary.planId}-${summary.period.label}.csv`)}
    />
  );
}
