/**
 * The requests `@forge/kvs` sends to KVS (each a POST with a JSON body to a path under `/api/v1/`), as
 * its client code writes them: the bodies of `StorageApi` and the transaction request builder.
 */
import * as z from 'zod';
import type { JsonValue } from '../../../app/ports/store';

/** The body is parsed JSON text, so every value in it is JSON. */
export const jsonValueSchema = z.custom<JsonValue>(() => true);

export const CONDITION_NAMES = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
  'CONTAINS',
  'NOT_CONTAINS',
  'EXISTS',
  'NOT_EXISTS',
] as const;

const conditionSchema = z.object({ condition: z.enum(CONDITION_NAMES), values: z.array(jsonValueSchema) }).strict();

/** A query's range: only what `WhereConditions` offers, each holding on one stretch of the index's order. */
const rangeSchema = z
  .object({ condition: z.enum(['BEGINS_WITH', 'BETWEEN', 'EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO']), values: z.array(jsonValueSchema) })
  .strict();
const attributeConditionSchema = conditionSchema.extend({ property: z.string() }).strict();

/** `new Filter().and(…)` or `.or(…)` as sent: one operator and its conditions on attributes. */
const filterSchema = z.union([
  z.object({ and: z.array(attributeConditionSchema) }).strict(),
  z.object({ or: z.array(attributeConditionSchema) }).strict(),
]);

export type Condition = z.infer<typeof conditionSchema>;
export type AttributeCondition = z.infer<typeof attributeConditionSchema>;
export type Filter = z.infer<typeof filterSchema>;

/** Options the emulation does not act on (metadata fields, TTLs); accepted so that such a call is not refused. */
const options = z.record(z.string(), jsonValueSchema).optional();

export const entityGetSchema = z.object({ entityName: z.string(), key: z.string(), options }).strict();
export const entitySetSchema = z.object({ entityName: z.string(), key: z.string(), value: z.record(z.string(), jsonValueSchema), options }).strict();
export const entityDeleteSchema = z.object({ entityName: z.string(), key: z.string() }).strict();
export const plainGetSchema = z.object({ key: z.string(), options }).strict();
export const plainSetSchema = z.object({ key: z.string(), value: jsonValueSchema, options }).strict();
export const plainDeleteSchema = z.object({ key: z.string() }).strict();

export const entityQuerySchema = z
  .object({
    entityName: z.string(),
    indexName: z.string(),
    partition: z.array(jsonValueSchema).optional(),
    range: rangeSchema.optional(),
    filters: filterSchema.optional(),
    sort: z.enum(['ASC', 'DESC']).optional(),
    limit: z.number().optional(),
    cursor: z.string().optional(),
    options,
  })
  .strict();

export type EntityQuery = z.infer<typeof entityQuerySchema>;

const transactionTarget = { key: z.string(), entityName: z.string().optional(), conditions: filterSchema.optional() };

export const transactionSchema = z
  .object({
    set: z.array(z.object({ ...transactionTarget, value: jsonValueSchema, options }).strict()).optional(),
    delete: z.array(z.object(transactionTarget).strict()).optional(),
    check: z.array(z.object({ key: z.string(), entityName: z.string(), conditions: filterSchema }).strict()).optional(),
  })
  .strict();

export type TransactionRequest = z.infer<typeof transactionSchema>;
