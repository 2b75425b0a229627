const DIGITS_ONLY = /^\d+$/;

/**
 * A total order on worklog ids: Jira's numeric ids in numeric order (`'9'` before `'10'`),
 * then any other ids by code unit. Used to break ties between worklogs started at the same instant.
 *
 * @example
 * ['10', '9', 'abc'].sort(compareWorklogIds) // ['9', '10', 'abc']
 */
export function compareWorklogIds(a: string, b: string): number {
  if (a === b) return 0;
  const aNumeric = DIGITS_ONLY.test(a);
  const bNumeric = DIGITS_ONLY.test(b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  if (aNumeric && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : 1;
}
