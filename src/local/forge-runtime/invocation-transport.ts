import type { JiraTransport, TransportRequest, TransportResponse } from '../../adapters/jira';
import type { LocalForgeRuntime } from './local-forge-runtime';

/**
 * A transport whose every request runs as an invocation of the local runtime for one user (undefined:
 * none, for `asApp()`). Forge binds the user to the whole invocation; here the binding is made for each
 * request, because several users' invocations run at once in one process.
 */
export class InvocationTransport implements JiraTransport {
  constructor(
    private readonly runtime: LocalForgeRuntime,
    private readonly accountId: string | undefined,
    private readonly inner: JiraTransport,
  ) {}

  request(request: TransportRequest): Promise<TransportResponse> {
    return this.runtime.invoke(this.accountId, () => this.inner.request(request));
  }
}
