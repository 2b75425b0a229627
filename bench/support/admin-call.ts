import { DEMO_USERS } from '../../src/jira-simulator/demo/people';
import type { JiraSimulator } from '../../src/jira-simulator/simulator';

/** One REST call to the simulated Jira as the demo admin (basic auth), as a person working in Jira would make it; its JSON answer. */
export async function adminCall(simulator: JiraSimulator, method: string, path: string, body?: unknown): Promise<unknown> {
  const authorization = `Basic ${Buffer.from(`${DEMO_USERS.admin.email}:${DEMO_USERS.admin.apiToken}`).toString('base64')}`;
  const response = await simulator.fetch(`http://jira.local${path}`, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}
