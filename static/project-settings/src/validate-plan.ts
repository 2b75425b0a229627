import { contract, type FieldError, type PayloadOf } from '@contract/index';
import { type FieldErrors, type PlanDraft, planInputOf } from './plan-draft';

/** A field path as the resolvers write it: `plan.blocks[1].purchasedOn`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('');
}

export function fieldErrorsOf(fields: readonly FieldError[] | undefined): FieldErrors {
  return Object.fromEntries((fields ?? []).map((field) => [field.path, field.message]));
}

/**
 * Checks the draft with the very schema the resolver validates with, so the form shows, as
 * the user types, the messages the server would answer.
 */
export function validatePlanDraft(draft: PlanDraft): { plan: PayloadOf<'plans/create'>['plan'] | null; errors: FieldErrors } {
  const { plan, unreadable } = planInputOf(draft);
  const result = contract['plans/create'].payload.safeParse({ plan });
  if (result.success && Object.keys(unreadable).length === 0) return { plan, errors: {} };
  const schemaErrors = result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [pathText(issue.path), issue.message]));
  return { plan: null, errors: { ...schemaErrors, ...unreadable } };
}
