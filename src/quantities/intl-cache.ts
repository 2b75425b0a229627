/**
 * One Intl formatter per locale and options, made once: a statement formats every line, and making an Intl formatter
 * costs far more than using one (a 9,000-line statement took seconds to render without this).
 */
export function cachedBy<Formatter>(make: (...parts: string[]) => Formatter): (...parts: string[]) => Formatter {
  const made = new Map<string, Formatter>();
  return (...parts) => {
    const key = parts.join('|');
    const known = made.get(key);
    if (known !== undefined) return known;
    const formatter = make(...parts);
    made.set(key, formatter);
    return formatter;
  };
}
