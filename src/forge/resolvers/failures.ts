/** Turns what a use case throws into the one error value the surface shows; logs what is a bug. */
import { fail, type Outcome } from '../../contract';
import { JiraError } from '../../app/ports/jira';
import { StoreError } from '../../app/ports/store';

function jiraFailure(error: JiraError): Outcome<never> {
  switch (error.kind) {
    case 'forbidden':
    case 'unauthorized':
      return fail('FORBIDDEN', 'Jira did not allow this for your account.');
    case 'not-found':
      return fail('NOT_FOUND', 'Jira could not find the issue or project, or you are not allowed to see it.');
    case 'rate-limited':
      return fail('JIRA_UNAVAILABLE', `Jira is busy (rate limited)${error.retryAfterSeconds === undefined ? '' : `; try again in ${error.retryAfterSeconds} s`}.`);
    case 'server':
    case 'timeout':
    case 'network':
      return fail('JIRA_UNAVAILABLE', 'Jira did not answer in time. Try again in a moment.');
    case 'bad-request':
      return internal(error);
  }
}

function internal(error: unknown): Outcome<never> {
  console.error('Support Hours resolver failed', error);
  return fail('INTERNAL', 'Something went wrong in Support Hours. The error was logged; try again, and report it if it persists.');
}

export function failureOf(error: unknown): Outcome<never> {
  if (error instanceof JiraError) return jiraFailure(error);
  if (error instanceof StoreError && error.code === 'conflict') {
    return fail('CONFLICT', 'Someone else changed the same data at the same moment. Reload and try again.');
  }
  return internal(error);
}
