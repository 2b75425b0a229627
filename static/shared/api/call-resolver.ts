import { invoke } from '@forge/bridge';
import type { Outcome } from '@contract/result';
import type { DataOf, PayloadOf, ResolverName } from '@contract/index';

/**
 * Calls one resolver through Forge's bridge. A bridge failure (network, host) becomes an error
 * value too, so every caller handles exactly one shape.
 */
export async function callResolver<Name extends ResolverName>(name: Name, payload: PayloadOf<Name>): Promise<Outcome<DataOf<Name>>> {
  try {
    const answer = await invoke<Outcome<DataOf<Name>>>(name, payload);
    // Without metadata the bridge hands back the resolver's value itself, never the `{ body, metadata }` wrapper.
    return 'body' in answer ? answer.body : answer;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'INTERNAL', message: `Support Hours could not reach its server. ${reason}` } };
  }
}
