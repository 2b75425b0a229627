import type Resolver from '@forge/resolver';
import type * as z from 'zod';
import { contract, outcomeSchema, type DataOf, type Outcome, type PayloadOf, type ResolverName } from '../contract';
import { buildForgeContext, type LocalCaller, type SiteIdentity, type SurfaceTarget } from './forge-context';

/** What Forge's runtime calls: the function `resolver.getDefinitions()` returns. */
export type ResolverDefinitions = ReturnType<Resolver['getDefinitions']>;

/** One `invoke(functionKey, payload)` from a surface, with the context its frame runs in. */
export interface FrameInvocation {
  readonly functionKey: string;
  readonly payload: unknown;
  /** `accountId` absent: an anonymous visitor, whom Forge calls without a principal. */
  readonly context: Readonly<Record<string, unknown>> & { readonly accountId?: string };
}

const resultSchemas: { readonly [Name in ResolverName]: { readonly result: z.ZodType<DataOf<Name>> } } = contract;

/**
 * Calls resolvers the way Forge does: through `resolver.getDefinitions()`, with the call
 * (`functionKey`, `payload`), the surface's context, and the runtime's principal — from which
 * `@forge/resolver` itself sets `context.accountId`.
 */
export class LocalResolverInvoker {
  constructor(
    private readonly definitions: ResolverDefinitions,
    private readonly site: SiteIdentity,
  ) {}

  /** As the preview's bridge needs it: whatever the resolver answers, unchecked. */
  invokeFrame(invocation: FrameInvocation): Promise<unknown> {
    return this.definitions(
      { call: { functionKey: invocation.functionKey, payload: invocation.payload }, context: { ...invocation.context, cloudId: this.site.cloudId } },
      {
        ...(invocation.context.accountId === undefined ? {} : { principal: { accountId: invocation.context.accountId } }),
        installContext: `ari:cloud:jira::site/${this.site.cloudId}`,
      },
    );
  }

  /** A typed call for tests and tools; the answer is checked against the contract's result schema. */
  invoke<Name extends ResolverName>(name: Name, payload: PayloadOf<Name>, caller: LocalCaller, target: SurfaceTarget): Promise<Outcome<DataOf<Name>>> {
    return this.invokeWithAnyPayload(name, payload, caller, target);
  }

  /** Like {@link invoke}, with a payload the contract may refuse (what a buggy or hostile frame could send). */
  async invokeWithAnyPayload<Name extends ResolverName>(name: Name, payload: unknown, caller: LocalCaller, target: SurfaceTarget): Promise<Outcome<DataOf<Name>>> {
    const context = { ...buildForgeContext(this.site, caller, target), ...(caller.accountId === undefined ? {} : { accountId: caller.accountId }) };
    const answer = await this.invokeFrame({ functionKey: name, payload, context });
    return outcomeSchema(resultSchemas[name].result).parse(answer);
  }
}
