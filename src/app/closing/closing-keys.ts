/**
 * Where closed periods live in the store, by the plan's internal id (internal ids and period
 * labels are valid key parts as they are):
 *
 * - `closing-period:<planId>:<label>` — the period's state: open or closed, its latest version.
 * - `closing-version:<planId>:<label>:<version>` — one frozen version's manifest: totals, hash, chunks.
 * - `closing-chunk:<planId>:<label>:<writeId>:<n>` — the frozen statement's lists, in pieces of ≤ 200 KiB.
 * - `closing-audit:<planId>:<label>:<version>:<closed|reopened>` — who closed or reopened, when, why.
 */

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const periodStatePrefix = (planId: string): string => `closing-period:${planId}:`;
export const periodStateKey = (planId: string, label: string): string => `${periodStatePrefix(planId)}${label}`;

export const closedVersionPrefix = (planId: string): string => `closing-version:${planId}:`;
export const closedVersionKey = (planId: string, label: string, version: number): string => `${closedVersionPrefix(planId)}${label}:${pad(version, 6)}`;

/** Every frozen statement chunk of the plan. */
export const planChunksPrefix = (planId: string): string => `closing-chunk:${planId}:`;
export const chunkPrefix = (planId: string, label: string, writeId: string): string => `${planChunksPrefix(planId)}${label}:${writeId}:`;
export const chunkKey = (prefix: string, index: number): string => `${prefix}${pad(index, 5)}`;

export const closingAuditPrefix = (planId: string): string => `closing-audit:${planId}:`;
export const closingAuditKey = (planId: string, label: string, version: number, action: 'closed' | 'reopened'): string =>
  `${closingAuditPrefix(planId)}${label}:${pad(version, 6)}:${action}`;
