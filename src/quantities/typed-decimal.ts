const TYPED_DECIMAL = /^\s*(\d+)(?:[.,](\d*))?\s*$/;

/** A non-negative decimal as a person types it, with a dot or a comma as the decimal mark; null for anything else. */
export function typedDecimal(text: string): { readonly whole: string; readonly fraction: string } | null {
  const match = TYPED_DECIMAL.exec(text);
  if (match === null) return null;
  const [, whole = '0', fraction = ''] = match;
  return { whole, fraction };
}
