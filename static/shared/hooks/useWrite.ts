import { useCallback, useState } from 'react';
import type { DataOf, PayloadOf, ResolverError, ResolverName, ResultOf } from '@contract/index';
import { callResolver } from '../api/call-resolver';

export interface WriteState<Name extends ResolverName> {
  readonly run: (payload: PayloadOf<Name>) => Promise<ResultOf<Name>>;
  readonly pending: boolean;
  /** The last failure, until the next attempt. */
  readonly error: ResolverError | null;
  readonly lastData: DataOf<Name> | null;
  /** Forgets the last outcome: a form opened afresh shows no error from the last one. */
  readonly reset: () => void;
}

/** Calls a writing resolver on demand and owns its pending and error state. */
export function useWrite<Name extends ResolverName>(name: Name): WriteState<Name> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const [lastData, setLastData] = useState<DataOf<Name> | null>(null);

  const run = useCallback(
    async (payload: PayloadOf<Name>) => {
      setPending(true);
      setError(null);
      const outcome = await callResolver(name, payload);
      setPending(false);
      if (outcome.ok) setLastData(outcome.data);
      else setError(outcome.error);
      return outcome;
    },
    [name],
  );
  const reset = useCallback(() => {
    setError(null);
    setLastData(null);
  }, []);
  return { run, pending, error, lastData, reset };
}
