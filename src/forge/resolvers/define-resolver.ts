import type Resolver from '@forge/resolver';
import type { Request } from '@forge/resolver';
import type * as z from 'zod';
import { contract, fail, type HandlerDataOf, type Outcome, type ParsedPayloadOf, type ResolverName } from '../../contract';
import type { UseCaseOutcome } from '../../app/refusal';
import { parseDocument } from '../../input/result';
import { callContextSchema, type CallContext } from './call-context';
import { failureOf } from './failures';
import { payloadBoundsIssue } from './payload-bounds';
import { resolverErrorOf } from './refusals';

export interface ResolverCall<Name extends ResolverName> {
  readonly payload: ParsedPayloadOf<Name>;
  readonly context: CallContext;
}

/** A handler answers its data or the use case's refusal; `answer` turns refusals into error values, here and only here. */
export type ResolverHandler<Name extends ResolverName> = (call: ResolverCall<Name>) => Promise<UseCaseOutcome<HandlerDataOf<Name>>>;

/** The contract seen per name, so that a generic name still gives its own payload type. */
const payloadSchemas: { readonly [Name in ResolverName]: { readonly payload: z.ZodType<ParsedPayloadOf<Name>> } } = contract;

const SHOWN_FIELD_ERRORS = 3;

function invalidPayload(issues: readonly { readonly path: string; readonly message: string }[]): Outcome<never> {
  const fields = issues.map(({ path, message }) => ({ path, message }));
  const shown = fields.slice(0, SHOWN_FIELD_ERRORS).map(({ path, message }) => (path === '' ? message : `${path} ${message}`));
  const more = fields.length > SHOWN_FIELD_ERRORS ? ` (and ${fields.length - SHOWN_FIELD_ERRORS} more)` : '';
  return fail('VALIDATION_FAILED', `The request is not valid: ${shown.join('; ')}${more}.`, fields);
}

/** Validates the context, the payload's size and nesting, then the payload itself, runs the handler, and turns anything thrown into an error value. */
async function answer<Name extends ResolverName>(name: Name, request: Request<unknown>, handler: ResolverHandler<Name>): Promise<Outcome<HandlerDataOf<Name>>> {
  const context = callContextSchema.safeParse(request.context);
  if (!context.success) return fail('FORBIDDEN', 'Support Hours answers only signed-in Jira users on its own surfaces.');
  const outOfBounds = payloadBoundsIssue(request.payload);
  if (outOfBounds !== null) return invalidPayload([outOfBounds]);
  const payload = parseDocument(payloadSchemas[name].payload, request.payload);
  if (!payload.ok) return invalidPayload(payload.issues);
  try {
    const outcome = await handler({ payload: payload.value, context: context.data });
    return outcome.ok ? outcome : { ok: false, error: resolverErrorOf(outcome.refusal) };
  } catch (error) {
    return failureOf(error);
  }
}

/**
 * Registers a handler under its contract name with `@forge/resolver`, exactly as Forge will
 * call it: the handler receives a validated payload and context, and answers an `Outcome`.
 */
export function defineResolver<Name extends ResolverName>(resolver: Resolver, name: Name, handler: ResolverHandler<Name>): void {
  resolver.define(name, (request: Request<unknown>) => answer(name, request, handler));
}
