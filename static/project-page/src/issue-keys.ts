/** Issue id → issue key, from the statement's worklog lines (the ledger's breakdown is keyed by issue id). */
export function issueKeysOf(lines: readonly { readonly issueId: string; readonly issueKey?: string | undefined }[]): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  for (const line of lines) if (line.issueKey !== undefined && !keys.has(line.issueId)) keys.set(line.issueId, line.issueKey);
  return keys;
}

/** The issue's key when the statement knows it, else its id. */
export function issueLabel(keys: ReadonlyMap<string, string>, issueId: string): string {
  return keys.get(issueId) ?? issueId;
}
