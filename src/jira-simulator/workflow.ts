/**
 * The site's one workflow, as a simplified Jira Cloud workflow has it: three statuses and a global transition into
 * each, and the workflow validators an app adds to chosen transitions (Forge's `jira:workflowValidator`, called
 * with the payload Forge documents and answering `{ result, errorMessage }`).
 */

export interface SimStatus {
  readonly id: string;
  readonly name: string;
  readonly category: { readonly id: number; readonly key: 'new' | 'indeterminate' | 'done'; readonly name: string; readonly colorName: string };
}

export interface SimTransition {
  readonly id: string;
  readonly name: string;
  readonly toStatusId: string;
}

const TO_DO: SimStatus = { id: '10000', name: 'To Do', category: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' } };

export const STATUSES: readonly SimStatus[] = [
  TO_DO,
  { id: '3', name: 'In Progress', category: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' } },
  { id: '10001', name: 'Done', category: { id: 3, key: 'done', name: 'Done', colorName: 'green' } },
];

export const TRANSITIONS: readonly SimTransition[] = [
  { id: '11', name: 'Back to do', toStatusId: '10000' },
  { id: '21', name: 'Start progress', toStatusId: '3' },
  { id: '31', name: 'Done', toStatusId: '10001' },
];

/** The issue's status; an issue without one is in the first, To Do. */
export function statusOf(statusId: string | undefined): SimStatus {
  return STATUSES.find((status) => status.id === statusId) ?? TO_DO;
}

/** The transitions out of a status: every global transition into another status. */
export function transitionsFrom(statusId: string | undefined): readonly SimTransition[] {
  const current = statusOf(statusId).id;
  return TRANSITIONS.filter((transition) => transition.toStatusId !== current);
}

/** What Forge hands a validator function (its documented payload; the simulator's screens change no field). */
export interface ValidatorPayload {
  readonly issue: { readonly key: string };
  readonly configuration: Readonly<Record<string, unknown>>;
  readonly transition: { readonly from: { readonly id: string }; readonly to: { readonly id: string }; readonly modifiedFields: Readonly<Record<string, unknown>> };
}

export interface ValidatorVerdict {
  readonly result: boolean;
  readonly errorMessage?: string;
}

/** An app's validator, added to the transitions with the given ids. */
export interface SimWorkflowValidator {
  readonly transitionIds: readonly string[];
  validate(payload: ValidatorPayload): Promise<ValidatorVerdict>;
}

/** Jira's message when a validator refuses without one of its own. */
export const DEFAULT_VALIDATOR_MESSAGE = 'The transition failed validation.';
