/** What `npm run bench -- …` asks for: the help text, some suites (all when none is named), or a mistake. */
export type BenchRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly suites: readonly string[] }
  | { readonly kind: 'error'; readonly message: string };

export function parseBenchArguments(args: readonly string[], known: readonly string[]): BenchRequest {
  if (args.some((arg) => arg === '--help' || arg === '-h')) return { kind: 'help' };
  const option = args.find((arg) => arg.startsWith('-'));
  if (option !== undefined) return { kind: 'error', message: `unknown option "${option}"; try --help` };
  const unknown = args.find((arg) => !known.includes(arg));
  if (unknown !== undefined) return { kind: 'error', message: `unknown suite "${unknown}"; suites: ${known.join(', ')}` };
  return { kind: 'run', suites: args.length === 0 ? known : known.filter((name) => args.includes(name)) };
}
