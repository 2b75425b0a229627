import type { JsonValue, ListOptions, Store, StorePage, TransactOperation, UpdateOptions, Updater, VersionedValue } from '../../app/ports/store';
import type { LocalForgeRuntime } from './local-forge-runtime';

/**
 * A store over `@forge/kvs` that enters its local runtime before each call, so that in a process with
 * several local sites (tests) each site's calls reach its own emulated KVS. Sites must take turns: a
 * call made of several requests (`update`) sends its later ones to whichever runtime was entered last.
 */
export class RuntimeBoundStore implements Store {
  constructor(
    private readonly runtime: LocalForgeRuntime,
    private readonly inner: Store,
  ) {}

  get(key: string): Promise<JsonValue | undefined> {
    this.runtime.enter();
    return this.inner.get(key);
  }

  getVersioned(key: string): Promise<VersionedValue | undefined> {
    this.runtime.enter();
    return this.inner.getVersioned(key);
  }

  set(key: string, value: JsonValue): Promise<void> {
    this.runtime.enter();
    return this.inner.set(key, value);
  }

  delete(key: string): Promise<void> {
    this.runtime.enter();
    return this.inner.delete(key);
  }

  listByPrefix(prefix: string, options?: ListOptions): Promise<StorePage> {
    this.runtime.enter();
    return this.inner.listByPrefix(prefix, options);
  }

  transact(operations: readonly TransactOperation[]): Promise<void> {
    this.runtime.enter();
    return this.inner.transact(operations);
  }

  update(key: string, updater: Updater, options?: UpdateOptions): Promise<JsonValue | undefined> {
    this.runtime.enter();
    return this.inner.update(key, updater, options);
  }
}
