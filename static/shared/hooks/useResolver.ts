import { useCallback, useEffect, useState } from 'react';
import type { DataOf, PayloadOf, ResolverError, ResolverName } from '@contract/index';
import { callResolver } from '../api/call-resolver';

export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ResolverError }
  | { readonly status: 'ready'; readonly data: T };

export interface ResolverState<T> {
  readonly state: Loadable<T>;
  /** Loads again, keeping the current data on screen until the answer arrives. */
  readonly reload: () => void;
  /** Shows data a write answered with, without another round trip. */
  readonly replace: (data: T) => void;
}

/**
 * Reads one resolver and owns its loading and error state. A new payload (compared by value)
 * loads again; an answer to an outdated request is dropped.
 */
export function useResolver<Name extends ResolverName>(name: Name, payload: PayloadOf<Name>): ResolverState<DataOf<Name>> {
  const [state, setState] = useState<Loadable<DataOf<Name>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const payloadKey = JSON.stringify(payload);

  useEffect(() => {
    let current = true;
    void callResolver(name, payload).then((outcome) => {
      if (!current) return;
      setState(outcome.ok ? { status: 'ready', data: outcome.data } : { status: 'error', error: outcome.error });
    });
    return () => {
      current = false;
    };
    // The payload is compared by value through its JSON text.
  }, [name, payloadKey, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const replace = useCallback((data: DataOf<Name>) => setState({ status: 'ready', data }), []);
  return { state, reload, replace };
}
