import type { InputIssue } from '../input';

/** One line per issue, naming the file, the field's path, the record and what is wrong. */
export function formatInputIssues(file: string, issues: readonly InputIssue[]): string[] {
  return issues.map(({ path, record, message }) => {
    const where = [path, record === undefined ? '' : `(${record})`].filter((part) => part !== '').join(' ');
    return where === '' ? `${file}: ${message}` : `${file}: ${where}: ${message}`;
  });
}
