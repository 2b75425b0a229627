import { formatStatementCsv } from '@cli/format-csv';
import type { DataOf, StoredPlan } from '@contract/index';
import { Button } from '../../shared/components/Button';

/** Downloads the period's statement as the same CSV the command line writes. */
export function CsvExport({ statement, plan }: { statement: DataOf<'usage/statement'>; plan: StoredPlan['plan'] }) {
  const download = () => {
    const csv = formatStatementCsv({ statement, plan, authorNames: new Map() });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${statement.planId}-${statement.period.label}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return <Button onClick={download}>Download statement (CSV)</Button>;
}
