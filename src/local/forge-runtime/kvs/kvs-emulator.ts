/**
 * Answers the requests `@forge/kvs` sends (POST `/api/v1/…` with a JSON body) as Forge's KVS does:
 * its limits, custom entities and their indexes, transactions with conditions, query cursors, and the
 * installation's per-minute budget. Where Forge's documentation is silent it follows
 * src/adapters/storage/kvs-undocumented.ts, and what the app never calls is answered `NOT_EMULATED`.
 */
import type * as z from 'zod';
import { FORGE_KVS_LIMITS, isJsonObject, type JsonValue } from '../../../app/ports/store';
import { EMULATION_ASSUMPTIONS, type RefusalCode } from '../../../adapters/storage/kvs-undocumented';
import { assertEntityValue, declarationOf, type EntityDeclaration } from './entity-declarations';
import { backendKey, type ItemRef, type ItemWrite, type KvsItems } from './kvs-items';
import { assertKey, assertPageLimit, storedJson } from './kvs-limits';
import { DOCUMENTED_REFUSALS, KvsRefusal, NOT_EMULATED } from './kvs-refusal';
import {
  entityDeleteSchema,
  entityGetSchema,
  entityQuerySchema,
  entitySetSchema,
  plainDeleteSchema,
  plainGetSchema,
  plainSetSchema,
  transactionSchema,
  type EntityQuery,
  type TransactionRequest,
} from './kvs-wire';
import { UsageBudget } from './usage-budget';

export interface KvsAnswer {
  readonly status: number;
  /** JSON text; absent for an answer without a body. */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const NO_CONTENT: KvsAnswer = { status: 204 };

function ok(body: unknown): KvsAnswer {
  return { status: 200, body: JSON.stringify(body) };
}

function refusalAnswer(error: KvsRefusal): KvsAnswer {
  return { status: error.refusal.status, body: JSON.stringify({ code: error.refusal.code, message: error.message }), headers: error.headers };
}

function parse<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new KvsRefusal(DOCUMENTED_REFUSALS.badRequest, `Provided request body is invalid: ${parsed.error.message}`);
  return parsed.data;
}

function bytesOf(json: string): number {
  return Buffer.byteLength(json, 'utf8');
}

export class KvsEmulator {
  private readonly entities: ReadonlyMap<string, EntityDeclaration>;

  constructor(
    private readonly items: KvsItems,
    entities: readonly EntityDeclaration[],
    private readonly budget: UsageBudget,
  ) {
    this.entities = new Map(entities.map((entity) => [entity.name, entity]));
  }

  async answer(path: string, bodyText: string): Promise<KvsAnswer> {
    try {
      return await this.route(path, parseBody(bodyText));
    } catch (error) {
      if (error instanceof KvsRefusal) return refusalAnswer(error);
      return { status: 500, body: JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: error instanceof Error ? error.message : String(error) }) };
    }
  }

  private route(path: string, body: unknown): Promise<KvsAnswer> {
    switch (path) {
      case '/api/v1/entity/get': {
        const { entityName, key } = parse(entityGetSchema, body);
        declarationOf(this.entities, entityName);
        return this.get({ entityName, key });
      }
      case '/api/v1/get':
        return this.get({ key: parse(plainGetSchema, body).key });
      case '/api/v1/entity/set': {
        const { entityName, key, value } = parse(entitySetSchema, body);
        return this.transact([this.setWrite({ entityName, key }, value)]);
      }
      case '/api/v1/set': {
        const { key, value } = parse(plainSetSchema, body);
        return this.transact([this.setWrite({ key }, value)]);
      }
      case '/api/v1/entity/delete': {
        const { entityName, key } = parse(entityDeleteSchema, body);
        return this.transact([this.deleteWrite({ entityName, key })]);
      }
      case '/api/v1/delete':
        return this.transact([this.deleteWrite({ key: parse(plainDeleteSchema, body).key })]);
      case '/api/v1/entity/query':
        return this.query(parse(entityQuerySchema, body));
      case '/api/v1/transaction':
        return this.transact(this.transactionWrites(parse(transactionSchema, body)), DOCUMENTED_REFUSALS.transactionRateLimited);
      default:
        throw path.startsWith('/api/v1/')
          ? new KvsRefusal(NOT_EMULATED, `${path} is not emulated: the app does not call it.`)
          : new KvsRefusal({ status: 404, code: 'NOT_FOUND' }, `No KVS resource at ${path}.`);
    }
  }

  private async get(ref: ItemRef): Promise<KvsAnswer> {
    assertKey(ref.key);
    const item = await this.items.read(ref);
    this.budget.spend('read', item?.bytes ?? 0);
    if (item === undefined) throw new KvsRefusal(DOCUMENTED_REFUSALS.keyNotFound, 'Provided key does not exist');
    return ok(ref.entityName === undefined ? { key: ref.key, value: item.value } : { key: ref.key, value: item.value, entityName: ref.entityName });
  }

  private async query(query: EntityQuery): Promise<KvsAnswer> {
    declarationOf(this.entities, query.entityName);
    const index = this.items.index(query.entityName, query.indexName);
    if (index === undefined) {
      throw new KvsRefusal(EMULATION_ASSUMPTIONS.undeclaredIndex, `Entity ${query.entityName} declares no index "${query.indexName}".`);
    }
    if (query.filters !== undefined) throw new KvsRefusal(NOT_EMULATED, 'Query filters are not emulated: the app does not use them.');
    const limit = query.limit ?? EMULATION_ASSUMPTIONS.defaultPageSize;
    assertPageLimit(limit);
    const page = index.query({ partition: query.partition ?? [], sort: query.sort ?? 'ASC', limit, range: query.range, cursor: query.cursor });
    const data: { key: string; value: JsonValue }[] = [];
    let bytes = 0;
    for (const key of page.keys) {
      const item = await this.items.read({ entityName: query.entityName, key });
      // Deleted between the index's answer and this read: gone, as on KVS.
      if (item === undefined) continue;
      data.push({ key, value: item.value });
      bytes += item.bytes;
    }
    this.budget.spend('read', bytes);
    return ok(page.cursor === undefined ? { data } : { data, cursor: page.cursor });
  }

  private setWrite(ref: ItemRef, value: JsonValue, conditions?: ItemWrite['conditions']): ItemWrite {
    assertKey(ref.key);
    if (ref.entityName !== undefined) {
      const declaration = declarationOf(this.entities, ref.entityName);
      if (!isJsonObject(value)) throw new KvsRefusal(DOCUMENTED_REFUSALS.invalidEntityValue, `The value of ${ref.entityName} "${ref.key}" must be an object of attributes.`);
      assertEntityValue(declaration, ref.key, value);
    }
    const json = storedJson(ref.key, value);
    return conditions === undefined ? { kind: 'set', ref, value, json } : { kind: 'set', ref, value, json, conditions };
  }

  private deleteWrite(ref: ItemRef, conditions?: ItemWrite['conditions']): ItemWrite {
    assertKey(ref.key);
    if (ref.entityName !== undefined) declarationOf(this.entities, ref.entityName);
    return conditions === undefined ? { kind: 'delete', ref } : { kind: 'delete', ref, conditions };
  }

  private transactionWrites(request: TransactionRequest): ItemWrite[] {
    const writes: ItemWrite[] = [
      ...(request.set ?? []).map(({ key, entityName, value, conditions }) => this.setWrite(entityRef(key, entityName, conditions), value, conditions)),
      ...(request.delete ?? []).map(({ key, entityName, conditions }) => this.deleteWrite(entityRef(key, entityName, conditions), conditions)),
      ...(request.check ?? []).map(({ key, entityName, conditions }): ItemWrite => {
        assertKey(key);
        declarationOf(this.entities, entityName);
        return { kind: 'check', ref: { entityName, key }, conditions };
      }),
    ];
    if (writes.length > FORGE_KVS_LIMITS.maxTransactionOperations) {
      throw new KvsRefusal(EMULATION_ASSUMPTIONS.transactionTooLarge, `A transaction has ${writes.length} operations; the limit is ${FORGE_KVS_LIMITS.maxTransactionOperations}.`);
    }
    const keys = new Set(writes.map((write) => backendKey(write.ref)));
    if (keys.size < writes.length) throw new KvsRefusal(EMULATION_ASSUMPTIONS.duplicateKeyInTransaction, 'A key appears more than once in one transaction.');
    return writes;
  }

  /** Writes are one request each: charged by the values they store, then applied all together or not at all. */
  private async transact(writes: readonly ItemWrite[], rateRefusal: RefusalCode = DOCUMENTED_REFUSALS.rateLimitExceeded): Promise<KvsAnswer> {
    const valueBytes = writes.reduce((total, write) => total + (write.kind === 'set' ? bytesOf(write.json) : 0), 0);
    const payloadBytes = writes.reduce((total, write) => total + bytesOf(write.ref.key), valueBytes);
    if (payloadBytes > FORGE_KVS_LIMITS.maxTransactionBytes) {
      throw new KvsRefusal(EMULATION_ASSUMPTIONS.transactionTooLarge, `A transaction carries ${payloadBytes} bytes; the limit is ${FORGE_KVS_LIMITS.maxTransactionBytes}.`);
    }
    this.budget.spend('write', valueBytes, rateRefusal);
    await this.items.write(writes);
    return NO_CONTENT;
  }
}

/** Conditions apply to custom entities only; `@forge/kvs` cannot send one without its entity. */
function entityRef(key: string, entityName: string | undefined, conditions: unknown): ItemRef {
  if (entityName !== undefined) return { entityName, key };
  if (conditions !== undefined) throw new KvsRefusal(DOCUMENTED_REFUSALS.badRequest, `The condition on "${key}" names no entity.`);
  return { key };
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new KvsRefusal(DOCUMENTED_REFUSALS.badRequest, 'Provided request body is not JSON.');
  }
}
