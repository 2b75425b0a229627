/**
 * A local stand-in for Forge's runtime, at the one place the production clients meet it: the global
 * `__forge_fetch__`. KVS requests are answered by an emulation of Forge's KVS (its data in memory or in
 * the file store's log on disk); product requests go to Jira as the app or as the invocation's user.
 * So `KvsStore` over `@forge/kvs` and `ForgeTransport` over `@forge/api` run here unmodified.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { KVS_STORE_ENTITY_MANIFEST } from '../../adapters/storage/kvs-store';
import { MemoryBackend } from '../../adapters/storage/memory-store';
import type { StorageBackend } from '../../adapters/storage/storage-backend';
import type { Clock } from '../../app/ports/clock';
import { useForgeFetch, type ForgeFetch, type ForgeFetchAnswer } from './forge-fetch';
import { JiraProduct, type JiraProductOptions } from './jira-product';
import type { EntityDeclaration } from './kvs/entity-declarations';
import { KvsEmulator, type KvsAnswer } from './kvs/kvs-emulator';
import { KvsItems } from './kvs/kvs-items';
import { UNITS_PER_MINUTE, UsageBudget, type KvsUsage } from './kvs/usage-budget';

export interface LocalForgeRuntimeOptions {
  /** Where the emulated KVS keeps its data: a `FileBackend` keeps it across restarts (see also {@link LocalForgeRuntime.inMemory}). */
  readonly storage: StorageBackend;
  /** The custom entities of `manifest.yml`; the app's one entity by default. */
  readonly entities?: readonly EntityDeclaration[];
  /** The clock the per-minute KVS budget is counted by. */
  readonly clock: Clock;
  /** True by default: over the budget, KVS answers 429. False counts units without refusing any. */
  readonly enforceBudget?: boolean;
  /** Read and write units a minute: Forge's 4,000 by default (an installation may be granted more). */
  readonly unitsPerMinute?: number;
  /** Where `requestJira` goes; without it, product calls fail (a runtime for storage alone). */
  readonly jira?: JiraProductOptions;
}

export class LocalForgeRuntime {
  /**
   * Milliseconds each KVS request waits before it is answered, as a round trip to Forge's storage
   * would: 0 by default, answered in-process. The figures benchmark sets it to time calls as their
   * round trips add up on Forge (decision 0075); the Jira simulator has its own (`faults.latencyMs`).
   */
  kvsLatencyMs = 0;

  /** The user the invocation under way runs for, while it sends its requests. */
  private invocationAccountId: string | undefined;

  private constructor(
    private readonly kvs: KvsEmulator,
    private readonly budget: UsageBudget,
    private readonly jira: JiraProduct | undefined,
  ) {}

  /** A runtime over the data `options.storage` holds (a file store's, say), already entered (see {@link enter}). */
  static async open(options: LocalForgeRuntimeOptions): Promise<LocalForgeRuntime> {
    const entities = options.entities ?? [KVS_STORE_ENTITY_MANIFEST];
    return LocalForgeRuntime.over(await KvsItems.open(options.storage, entities), entities, options);
  }

  /** A runtime whose KVS starts empty, in memory (tests, benchmarks), already entered. */
  static inMemory(options: Omit<LocalForgeRuntimeOptions, 'storage'>): LocalForgeRuntime {
    const entities = options.entities ?? [KVS_STORE_ENTITY_MANIFEST];
    return LocalForgeRuntime.over(new KvsItems(new MemoryBackend(), entities), entities, options);
  }

  private static over(items: KvsItems, entities: readonly EntityDeclaration[], options: Omit<LocalForgeRuntimeOptions, 'storage'>): LocalForgeRuntime {
    const budget = new UsageBudget({ clock: options.clock, enforce: options.enforceBudget ?? true, unitsPerMinute: options.unitsPerMinute ?? UNITS_PER_MINUTE });
    const runtime = new LocalForgeRuntime(new KvsEmulator(items, entities, budget), budget, options.jira && new JiraProduct(options.jira));
    runtime.enter();
    return runtime;
  }

  /**
   * Makes this the runtime `__forge_fetch__` reaches. A process holds one Forge runtime at a time, as a
   * Forge function does; a process with several local sites (tests) enters each one's before calling it.
   */
  enter(): void {
    useForgeFetch(this.forgeFetch);
  }

  /**
   * Runs `call` as an invocation of this runtime for the user `accountId` (undefined: none, as for
   * triggers, consumers and scheduled jobs), whom `asUser()` then acts as. The user holds for the requests
   * `call` sends before it first awaits: `ForgeTransport` sends its one request there.
   */
  invoke<T>(accountId: string | undefined, call: () => T): T {
    this.enter();
    const outer = this.invocationAccountId;
    this.invocationAccountId = accountId;
    try {
      return call();
    } finally {
      this.invocationAccountId = outer;
    }
  }

  /** What KVS answered since the last reset, counted as Forge counts it against the installation's budget. */
  kvsUsage(): KvsUsage {
    return this.budget.snapshot();
  }

  resetKvsUsage(): void {
    this.budget.reset();
  }

  private readonly forgeFetch: ForgeFetch = async (target, path, init) => {
    if (target.type === 'fpp') {
      if (this.jira === undefined) throw new Error('This local Forge runtime has no Jira: it was started for storage alone.');
      return this.jira.answer(target, path, init, this.invocationAccountId);
    }
    if (target.type !== 'kvs') throw new Error(`The local Forge runtime answers KVS and Jira only, not ${target.type}.`);
    if (typeof init?.body !== 'string') throw new Error(`A KVS request carries its JSON as text; ${path} carried none.`);
    if (this.kvsLatencyMs > 0) await delay(this.kvsLatencyMs);
    return toResponse(await this.kvs.answer(path, init.body));
  };
}

/** The KVS answer as the client reads it; a plain object, since a `Response` costs more to build than the emulation to answer. */
function toResponse(answer: KvsAnswer): ForgeFetchAnswer {
  const headers = new Map(Object.entries(answer.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  if (answer.body !== undefined) headers.set('content-type', 'application/json');
  const text = answer.body ?? '';
  return {
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    statusText: '',
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
    text: () => Promise.resolve(text),
  };
}
