import type Resolver from '@forge/resolver';
import { clearIssueLink, setIssueLink } from '../../app/issues/issue-link';
import { issueBalance, issueViewData, linkablePlans } from '../../app/issues/issue-view';
import { asIssueEditor, asIssueViewer, issueOf } from './access';
import { defineResolver } from './define-resolver';
import { readBesideAccess } from './reads-beside-access';
import type { BackendServices } from './services';

/** The issue panel: one Jira call each (the caller's permissions on the issue); every figure comes from storage. */
export function defineIssueResolvers(resolver: Resolver, services: BackendServices): void {
  /** The panel's reads go out beside the permission call, not after it. */
  defineResolver(resolver, 'issue/get', async ({ context }) => {
    const target = issueOf(context);
    if (!target.ok) return target;
    const read = await readBesideAccess(services, asIssueViewer(services, context), (ports) => issueBalance(ports, target.data));
    return read.ok ? { ok: true, data: issueViewData(read.data.granted, read.data.answer) } : read;
  });

  /** The plan picker's choices, asked for when an editor opens it: listing the project's plans costs a read per plan. */
  defineResolver(resolver, 'issue/plans', async ({ context }) => {
    const editor = await asIssueEditor(services, context);
    return editor.ok ? { ok: true, data: await linkablePlans(services.store, editor.data.project) } : editor;
  });

  defineResolver(resolver, 'issue/setLink', async ({ payload, context }) => {
    const editor = await asIssueEditor(services, context);
    return editor.ok ? setIssueLink({ ...services, userJira: services.userJira(context) }, editor.data, payload) : editor;
  });

  defineResolver(resolver, 'issue/clearLink', async ({ context }) => {
    const editor = await asIssueEditor(services, context);
    return editor.ok ? clearIssueLink({ ...services, userJira: services.userJira(context) }, editor.data) : editor;
  });
}
