import * as z from 'zod';
import { ACCOUNT_ID_MAX_LENGTH, MAX_NAMED_CUSTOMERS, MAX_PLAN_ORGANIZATIONS, ORGANIZATION_ID_MAX_LENGTH, PLAN_ID_MAX_LENGTH } from '../input/limits';
import { amendedPlanSchema, planSchema } from '../input/plan';

/** Plan ids are JQL values (`supportPlan = "acme-gold"`), so they are slugs, unique across the site. */
export const planIdSchema = z
  .string()
  .max(PLAN_ID_MAX_LENGTH, { error: `must be at most ${PLAN_ID_MAX_LENGTH} characters` })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a slug: lower-case letters and digits separated by single hyphens, e.g. "acme-gold"' });

/** A plan as the settings form sends it: the plan file's format and limits, with an id that JQL can name. */
export const planInputSchema = planSchema.superRefine((plan, context) => {
  const id = planIdSchema.safeParse(plan.id);
  if (!id.success) for (const issue of id.error.issues) context.addIssue({ code: 'custom', path: ['id'], message: issue.message });
});

/** `deleting`: a deletion was asked for and its purge runs; the plan's key stays taken until it has finished. */
export const planStatusSchema = z.enum(['active', 'archived', 'deleting']);

/** A `YYYY-MM` period label. */
export const periodLabelSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a period label YYYY-MM, e.g. "2026-10"' });

/** One term version of a plan: from which period it applies, who made it and when. */
export const termVersionSchema = z.object({
  /** 1 for the plan's own terms, n + 1 for its n-th amendment: what statements name as `termsVersion`. */
  version: z.int().min(1),
  /** Label of the version's first period. */
  from: periodLabelSchema,
  madeAt: z.int(),
  /** Account id of the person who made it. */
  madeBy: z.string(),
  /** The plan's revision (`version`) that made it. */
  planVersion: z.int().min(1),
});

/**
 * Who among the service desk's customers sees the plan in the customer portal: nobody, the members of the plan's
 * organisations, or the customers named here. Settings of the plan as it is now, not terms: they change no figure.
 */
export const customerAudienceSchema = z.enum(['nobody', 'organizations', 'named-customers']);

export const customerAccessSchema = z
  .strictObject({
    audience: customerAudienceSchema,
    /** Atlassian account ids of the customers who see the plan: only with `named-customers`, and then at least one. */
    accountIds: z
      .array(z.string().min(1, { error: 'must not be empty' }).max(ACCOUNT_ID_MAX_LENGTH, { error: `must be at most ${ACCOUNT_ID_MAX_LENGTH} characters` }))
      .max(MAX_NAMED_CUSTOMERS, { error: `must name at most ${MAX_NAMED_CUSTOMERS} customers` }),
    /** Customers also see money: the overage's and the period's amounts. */
    showAmounts: z.boolean(),
    /** Customers also see who worked on their requests. */
    showAgentNames: z.boolean(),
  })
  .refine((access) => (access.audience === 'named-customers') === (access.accountIds.length > 0), {
    path: ['accountIds'],
    error: 'must name at least one customer when the plan is shown to named customers, and none otherwise',
  })
  .refine((access) => new Set(access.accountIds).size === access.accountIds.length, { path: ['accountIds'], error: 'must not name a customer twice' });

/**
 * The Jira Service Management organisations a plan serves, by Jira's id: their new requests link to it, and their
 * requests follow it when their organisations change (docs/guide/admin.md). A current setting of the plan, not a term.
 */
export const organizationIdsSchema = z
  .array(
    z
      .string()
      .max(ORGANIZATION_ID_MAX_LENGTH, { error: `must be at most ${ORGANIZATION_ID_MAX_LENGTH} digits` })
      .regex(/^[1-9][0-9]*$/, { error: 'must be a JSM organisation id (digits)' }),
  )
  .max(MAX_PLAN_ORGANIZATIONS, { error: `must name at most ${MAX_PLAN_ORGANIZATIONS} organisations` })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'must not name an organisation twice' });

/** A plan no customer sees, without amounts or names: every plan's access until its admin changes it. */
export const NO_CUSTOMER_ACCESS: CustomerAccess = { audience: 'nobody', accountIds: [], showAmounts: false, showAgentNames: false };

/**
 * What happens when the plan's hours run out (decision 0060): `off` nothing; `warn` the issue panel says so; `stop`
 * the panel says so and the app's workflow validator refuses the transitions an admin added it to. A setting of the
 * plan as it is now, not a term: it changes no figure, and overage logged anyway is billed as the terms say.
 */
export const hardStopModeSchema = z.enum(['off', 'warn', 'stop']);

/** What the validator answers when it cannot tell (no stored figures, a storage error, figures being rebuilt). */
export const hardStopUnknownSchema = z.enum(['allow', 'refuse']);

export const hardStopSchema = z.strictObject({
  mode: hardStopModeSchema,
  /** `allow`: fail open, the transition goes through; `refuse`: fail closed. Only a `stop` plan's validator uses it. */
  whenUnknown: hardStopUnknownSchema,
});

/** Every plan's hard stop until its admin changes it: nothing happens, and a validator that cannot tell lets work go on. */
export const NO_HARD_STOP: HardStop = { mode: 'off', whenUnknown: 'allow' };

/**
 * A plan as the resolvers answer it: the definition with its term versions, their makers, its owner project, its
 * revision and who last changed it. How it is stored is the storage side's own format (src/app/plans/plan-record.ts).
 */
export const storedPlanSchema = z.object({
  plan: amendedPlanSchema,
  /** One per term version, oldest first: the plan's own terms, then each amendment. */
  terms: z.array(termVersionSchema).min(1),
  /**
   * The plan's permanent identity, random, never reused: everything stored for the plan is
   * keyed by it, while `plan.id` is the key people, issue properties and JQL use. Absent on
   * plans stored before it existed: their internal id is their key.
   */
  internalId: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
  projectId: z.string(),
  projectKey: z.string(),
  status: planStatusSchema,
  /** Who sees the plan in the customer portal; absent: nobody ({@link NO_CUSTOMER_ACCESS}). */
  customerAccess: customerAccessSchema.optional(),
  /** The JSM organisations whose requests link to the plan; absent: none. */
  organizationIds: organizationIdsSchema.optional(),
  /** What happens when the plan's hours run out; absent: nothing ({@link NO_HARD_STOP}). */
  hardStop: hardStopSchema.optional(),
  /** Starts at 1 and grows by one on every change; writes must name the version they read. */
  version: z.int().min(1),
  createdAt: z.int(),
  createdBy: z.string(),
  updatedAt: z.int(),
  updatedBy: z.string(),
});

export const planChangeSchema = z.object({
  /** Path of the changed field inside the plan, e.g. `allowance.includedSeconds`; `status` for archiving. */
  path: z.string(),
  before: z.json().optional(),
  after: z.json().optional(),
});

export const auditEntrySchema = z.object({
  version: z.int().min(1),
  action: z.enum(['created', 'updated', 'archived', 'deleted']),
  /** For a change of terms: the label of the first period the new terms apply to. */
  effectiveFrom: periodLabelSchema.optional(),
  at: z.int(),
  /** Account id of the person who made the change. */
  by: z.string(),
  changes: z.array(planChangeSchema),
});

const expectedVersionSchema = z.int({ error: 'must be the whole version number you read' }).min(1, { error: 'must be at least 1' });

const planRef = { planId: planIdSchema };
const planWrite = { ...planRef, expectedVersion: expectedVersionSchema };

export const plansContract = {
  'plans/list': {
    payload: z.strictObject({ includeArchived: z.boolean().optional() }),
    result: z.object({
      plans: z.array(storedPlanSchema),
      /** Whether the caller administers the project (from the same permission check): the settings page is read-only otherwise. */
      canAdminister: z.boolean(),
    }),
  },
  'plans/get': {
    payload: z.strictObject(planRef),
    result: z.object({ plan: storedPlanSchema, history: z.array(auditEntrySchema) }),
  },
  'plans/create': {
    payload: z.strictObject({ plan: planInputSchema }),
    result: storedPlanSchema,
  },
  'plans/update': {
    payload: z
      .strictObject({
        ...planWrite,
        plan: planInputSchema,
        /** The first period the changed terms apply to; absent: the current open period. Never a closed one. */
        effectiveFrom: periodLabelSchema.optional(),
      })
      .refine((payload) => payload.plan.id === payload.planId, { path: ['plan', 'id'], error: 'must equal planId: a plan id cannot change' }),
    result: storedPlanSchema,
  },
  /** The plan's customer access (the same permission as editing the plan); a new plan revision, terms untouched. */
  'plans/setCustomerAccess': {
    payload: z.strictObject({ ...planWrite, customerAccess: customerAccessSchema }),
    result: storedPlanSchema,
  },
  /** The plan's organisations (the same permission as editing the plan); a new plan revision, terms untouched. */
  'plans/setOrganizations': {
    payload: z.strictObject({ ...planWrite, organizationIds: organizationIdsSchema }),
    result: storedPlanSchema,
  },
  /** The plan's hard stop (the same permission as editing the plan); a new plan revision, terms untouched. */
  'plans/setHardStop': {
    payload: z.strictObject({ ...planWrite, hardStop: hardStopSchema }),
    result: storedPlanSchema,
  },
  /** The organisations a plan of this project may name: its service desk's (null when the project has none). */
  'plans/organizationChoices': {
    payload: z.strictObject({}),
    result: z.object({
      organizations: z
        .array(
          z.object({
            id: z.string(),
            name: z.string(),
            /** The JQL of its requests in this project, to link those that exist already in bulk. */
            jql: z.string(),
          }),
        )
        .nullable(),
      /** More organisations exist than the answer holds (the first by id are listed). */
      truncated: z.boolean(),
    }),
  },
  /**
   * What a plan's multiplier rules may name, by name with Jira's ids (which rules store): Jira's priorities, the
   * project's issue types and its service desk's request types (null when it is not a service project).
   */
  'plans/attributeChoices': {
    payload: z.strictObject({}),
    result: z.object({
      priorities: z.array(z.object({ id: z.string(), name: z.string() })),
      issueTypes: z.array(z.object({ id: z.string(), name: z.string() })),
      requestTypes: z.array(z.object({ id: z.string(), name: z.string() })).nullable(),
    }),
  },
  'plans/archive': {
    payload: z.strictObject(planWrite),
    result: storedPlanSchema,
  },
  'plans/delete': {
    payload: z.strictObject(planWrite),
    result: z.object({ planId: z.string() }),
  },
} as const;

export type StoredPlan = z.infer<typeof storedPlanSchema>;
export type TermVersion = z.infer<typeof termVersionSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type PlanChange = z.infer<typeof planChangeSchema>;
export type PlanStatus = z.infer<typeof planStatusSchema>;
export type CustomerAccess = z.infer<typeof customerAccessSchema>;
export type CustomerAudience = z.infer<typeof customerAudienceSchema>;
export type HardStop = z.infer<typeof hardStopSchema>;
export type HardStopMode = z.infer<typeof hardStopModeSchema>;

/** The plan's customer access, the default when it has never been set. */
export function customerAccessOf(stored: Pick<StoredPlan, 'customerAccess'>): CustomerAccess {
  return stored.customerAccess ?? NO_CUSTOMER_ACCESS;
}

/** The plan's JSM organisations, none when never set. */
export function organizationIdsOf(stored: Pick<StoredPlan, 'organizationIds'>): readonly string[] {
  return stored.organizationIds ?? [];
}

/** The plan's hard stop, the default when it has never been set. */
export function hardStopOf(stored: Pick<StoredPlan, 'hardStop'>): HardStop {
  return stored.hardStop ?? NO_HARD_STOP;
}
