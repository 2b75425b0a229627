/**
 * How a plan is stored: its own format, apart from what the resolvers answer, with a `formatVersion`.
 *
 * - No `formatVersion`: written before plans had term versions. The plan has one version, and its terms are
 *   written flat. It is read as one version made when the plan was created, by whoever created it.
 * - `formatVersion: 2`: the plan's later term versions are kept as `amendments`, and `terms` says who made each.
 *   It may hold `customerAccess`: optional, so a record without it is still this format, and a release before it
 *   reads the record and leaves the field alone (it writes the plan back without it: nobody sees it then).
 *   Likewise `organizationIds` (an older release drops it on its next write: the plan then names no organisation),
 *   and `hardStop` (dropped the same way: the plan then neither warns nor stops).
 */
import * as z from 'zod';
import { customerAccessSchema, hardStopSchema, organizationIdsSchema, planStatusSchema, termVersionSchema, type StoredPlan } from '../../contract';
import { amendedPlanSchema, planSchema } from '../../input/plan';
import type { JsonValue } from '../ports/store';
import { toJsonValue } from './to-json-value';

export const PLAN_FORMAT_VERSION = 2;

const recordFields = {
  internalId: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
  projectId: z.string(),
  projectKey: z.string(),
  status: planStatusSchema,
  /** Absent in records written before customer access existed, and in plans whose access was never set: nobody. */
  customerAccess: customerAccessSchema.optional(),
  /** Absent in records written before plans named organisations, and in plans that name none. */
  organizationIds: organizationIdsSchema.optional(),
  /** Absent in records written before the hard stop existed, and in plans whose hard stop was never set: off. */
  hardStop: hardStopSchema.optional(),
  version: z.int().min(1),
  createdAt: z.int(),
  createdBy: z.string(),
  updatedAt: z.int(),
  updatedBy: z.string(),
};

const currentRecordSchema = z.object({
  formatVersion: z.literal(PLAN_FORMAT_VERSION),
  plan: amendedPlanSchema,
  terms: z.array(termVersionSchema).min(1),
  ...recordFields,
});

/** What today's main stored before `formatVersion`: the plan flat, one version. */
const recordBeforeVersionsSchema = z.object({ plan: planSchema, ...recordFields });

/** A stored plan record of the format before term versions (its plan has no amendments), as a test writes one. */
export type PlanRecordBeforeVersions = Omit<StoredPlan, 'terms'>;

/**
 * Reads a stored plan record of any format into what the app works with.
 *
 * @throws ZodError for a record of no known format (a bug or damage: never silently read)
 */
export function readPlanRecord(value: unknown): StoredPlan {
  const formatVersion = typeof value === 'object' && value !== null && 'formatVersion' in value ? value.formatVersion : undefined;
  if (formatVersion !== undefined) {
    const { formatVersion: _format, ...stored } = currentRecordSchema.parse(value);
    return stored;
  }
  const stored = recordBeforeVersionsSchema.parse(value);
  const first = { version: 1, from: stored.plan.startDate.slice(0, 7), madeAt: stored.createdAt, madeBy: stored.createdBy, planVersion: 1 };
  return { ...stored, terms: [first] };
}

/** The record to store for a plan, in the current format. */
export function planRecordValue(stored: StoredPlan): JsonValue {
  return toJsonValue({ formatVersion: PLAN_FORMAT_VERSION, ...stored });
}
