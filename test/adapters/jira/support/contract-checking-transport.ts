import type { JiraTransport, QueryParameters, TransportRequest, TransportResponse } from '../../../../src/adapters/jira/transport';
import { validateRequest } from '../../../support/openapi';

export interface SentRequest {
  readonly method: string;
  readonly template: string;
  readonly query: QueryParameters;
  readonly body: unknown;
}

/**
 * Wraps a transport to check every request against Atlassian's OpenAPI document before it
 * is sent, record it, and track how many were in flight at once.
 */
export class ContractCheckingTransport implements JiraTransport {
  readonly sent: SentRequest[] = [];
  readonly contractViolations: string[] = [];
  maxInFlight = 0;
  private inFlight = 0;

  constructor(private readonly inner: JiraTransport) {}

  async request(request: TransportRequest): Promise<TransportResponse> {
    const { method, resource, query = {}, body } = request;
    this.sent.push({ method, template: resource.template, query, body });
    // JSM's `/rest/servicedeskapi/` is outside the platform's OpenAPI document; its answers are checked against jira.js's models.
    if (!resource.template.startsWith('/rest/servicedeskapi/')) {
      const check = validateRequest(method, resource.template, { query, body });
      this.contractViolations.push(...check.errors.map((error) => `${method} ${resource.template}: ${error}`));
    }
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      return await this.inner.request(request);
    } finally {
      this.inFlight -= 1;
    }
  }

  /** `METHOD /template` of each request, in order sent. */
  calls(): string[] {
    return this.sent.map(({ method, template }) => `${method} ${template}`);
  }
}
