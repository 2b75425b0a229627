import type { Store } from '../../src/app/ports/store';

/**
 * `store` with some of its methods replaced (to fail a key, count reads): every other member is the store's own,
 * called on the store itself.
 */
export function storeOverriding(store: Store, overrides: Partial<Store>): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const replaced: unknown = Reflect.get(overrides, property);
      if (replaced !== undefined) return replaced;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (...args: unknown[]): unknown => (value as (...args: unknown[]) => unknown).apply(target, args) : value;
    },
  });
}
