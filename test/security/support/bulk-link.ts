import type { DataOf, Outcome } from '../../../src/contract';
import type { LocalCaller, SurfaceTarget } from '../../../src/local/forge-context';
import type { BackendFixture } from '../../backend/support/backend-fixture';

/** What bulk/link needs besides the query, plan and billing class: the count token of the preview, when the preview hands one out. */
export function countTokenOf(preview: Outcome<DataOf<'bulk/preview'>>): Readonly<Record<string, string>> {
  return preview.ok && 'countToken' in preview.data && typeof preview.data.countToken === 'string' ? { countToken: preview.data.countToken } : {};
}

/** bulk/link as the settings page sends it: after bulk/preview counted the same query, as the same caller. */
export async function previewThenLink(fixture: BackendFixture, request: { readonly jql: string; readonly planId: string }, caller: LocalCaller, target: SurfaceTarget) {
  const preview = await fixture.invoker.invokeWithAnyPayload('bulk/preview', { jql: request.jql }, caller, target);
  return fixture.invoker.invokeWithAnyPayload('bulk/link', { ...request, billingClass: 'covered', ...countTokenOf(preview) }, caller, target);
}
