/**
 * The resolver contract: every resolver's name (grouped by path), its payload and its data,
 * as zod schemas. The backend validates with them and the front end imports the inferred
 * types from here, so both sides speak one language. Browser-safe: zod and types only.
 */
import type * as z from 'zod';
import { adviceContract } from './advice';
import { bulkContract } from './bulk';
import { closingContract } from './closing';
import { gadgetContract } from './gadget';
import { issueContract } from './issue';
import { peopleContract } from './people';
import { plansContract } from './plans';
import { portalContract } from './portal';
import type { DeepReadonly, Outcome } from './result';
import { settingsContract } from './settings';
import { usageContract } from './usage';

export const contract = {
  ...plansContract,
  ...settingsContract,
  ...issueContract,
  ...usageContract,
  ...adviceContract,
  ...gadgetContract,
  ...bulkContract,
  ...closingContract,
  ...peopleContract,
  ...portalContract,
} as const;

export type Contract = typeof contract;
export type ResolverName = keyof Contract;

/** What the caller sends (defaults still optional). */
export type PayloadOf<Name extends ResolverName> = z.input<Contract[Name]['payload']>;
/** The payload after validation, as handlers receive it. */
export type ParsedPayloadOf<Name extends ResolverName> = z.output<Contract[Name]['payload']>;
export type DataOf<Name extends ResolverName> = z.output<Contract[Name]['result']>;
/** The data as a handler may build it: readonly all the way down, as the ledger's results are. */
export type HandlerDataOf<Name extends ResolverName> = DeepReadonly<DataOf<Name>>;
/** What `invoke(name, payload)` resolves to. */
export type ResultOf<Name extends ResolverName> = Outcome<DataOf<Name>>;

export * from './result';
export * from './plans';
export * from './settings';
export * from './issue';
export * from './usage';
export * from './advice';
export * from './gadget';
export * from './bulk';
export * from './statement';
export * from './closing';
export * from './people';
export * from './portal';
export * from '../input/limits';
