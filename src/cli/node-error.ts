/** An error Node raised with a `code` (ENOENT, ERR_PARSE_ARGS_…). Duck-typed: such errors may come from another realm. */
export interface NodeError {
  readonly code: string;
  readonly message: string;
}

export function isNodeError(error: unknown): error is NodeError {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
