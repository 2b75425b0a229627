import type { Jql } from '../../app/ports/jql';
import type { JiraClient } from './jira-client';
import { ParsedSingleJqlSchema } from './schemas';

/** Jira's own errors for a query, parsed and validated `strict`ly as the caller; none when it is valid. */
export async function validateJql(client: JiraClient, jql: Jql): Promise<readonly string[]> {
  const answer = await client.send({
    operation: 'parse-jql',
    method: 'POST',
    resource: { template: '/rest/api/3/jql/parse' },
    query: { validation: 'strict' },
    body: { queries: [jql] },
    idempotent: true,
    parse: (body) => ParsedSingleJqlSchema.parse(body),
  });
  return answer.queries[0].errors ?? [];
}
