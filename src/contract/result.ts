import * as z from 'zod';

/** Every way a resolver call can fail, as the front end sees it. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PLAN_NOT_FOUND',
  'STALE_VERSION',
  'PLAN_IN_USE',
  'CONFLICT',
  /** A bulk link whose count is missing, expired, for another query, or no longer what the query finds. */
  'RECOUNT_REQUIRED',
  'JIRA_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One rejected field: `path` like `plan.blocks[1].purchasedOn`, empty for the whole payload. */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const resolverErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** Written for people: the UI shows it as it is. */
  message: z.string(),
  fields: z.array(fieldErrorSchema).optional(),
});
export type ResolverError = z.infer<typeof resolverErrorSchema>;

export type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
    : T;

/** What every resolver answers: its data, or an error value. Resolvers throw only for bugs. */
export type Outcome<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ResolverError };

export function outcomeSchema<Data extends z.ZodType>(data: Data) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: resolverErrorSchema }),
  ]);
}

export function succeed<T>(data: T): Outcome<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, fields?: readonly FieldError[]): { readonly ok: false; readonly error: ResolverError } {
  return { ok: false, error: fields === undefined ? { code, message } : { code, message, fields: [...fields] } };
}
