/**
 * True when `error` is a Node system error with this `code` (for example `ENOENT`). Checked by
 * shape, not `instanceof Error`: errors made in another realm (jest's sandbox) fail that test.
 */
export function hasErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}

/** Reads a file that may not exist yet. */
export async function readOptionalFile(
  read: () => Promise<string>,
): Promise<string | undefined> {
  try {
    return await read();
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}
