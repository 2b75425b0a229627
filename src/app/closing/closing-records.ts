/** The records closing keeps in the store, checked on every read (an older release may have written them). */
import * as z from 'zod';
import { closedVersionSchema, closingAuditEntrySchema, periodStatusSchema, statementTotalsSchema, type ClosedVersion } from '../../contract';

/** A period's state; absent means open and never closed. */
export const storedPeriodStateSchema = z.object({
  periodLabel: z.string(),
  status: periodStatusSchema,
  /** The latest frozen version (the one in force while closed). */
  version: z.int().min(1),
  changedAt: z.int(),
  changedBy: z.string(),
});

/** One frozen version: what the contract shows, plus where its lists are and the statement's other fields. */
export const storedManifestSchema = closedVersionSchema.omit({ totals: true }).extend({
  chunkPrefix: z.string(),
  /** The statement's list fields kept in chunks, in chunk order (an empty list has no chunk). */
  lists: z.array(z.string()),
  /** Every other field of the statement, exactly as frozen. */
  head: z.record(z.string(), z.json()),
});

/**
 * The store hands back JSON, and the statement's own schema checks every item once the
 * statement is put together: checking each item's JSON here too would double a large read.
 */
export const storedChunkSchema = z.object({ list: z.string(), items: z.array(z.custom<z.infer<ReturnType<typeof z.json>>>()) });

export const storedAuditSchema = closingAuditEntrySchema;

export type StoredPeriodState = z.infer<typeof storedPeriodStateSchema>;
export type StoredManifest = z.infer<typeof storedManifestSchema>;
export type StoredChunk = z.infer<typeof storedChunkSchema>;

/** The manifest as the contract shows it: the totals read from the frozen fields. */
export function toClosedVersion(manifest: StoredManifest): ClosedVersion {
  const { chunkPrefix: _chunkPrefix, lists: _lists, head, ...version } = manifest;
  return { ...version, totals: statementTotalsSchema.parse(head) };
}
