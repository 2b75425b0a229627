/**
 * Who may do what, asked of Jira as the caller (`mypermissions`), with the issue and project
 * taken from the Forge context. Each guard answers either the context to act in or the refusal.
 */
import { notAllowed, notFound, type UseCaseOutcome } from '../../app/refusal';
import { JiraError, type JiraPermissionKey, type PermissionScope } from '../../app/ports/jira';
import type { IssueRef, IssueTarget } from '../../app/issues/issue-view';
import type { PlanWriteContext, ProjectRef } from '../../app/plans/plan-write';
import type { CallContext } from './call-context';
import type { BackendServices } from './services';

const NOT_ON_A_PROJECT = notAllowed({ what: 'not-on-a-project' });
const NOT_ON_AN_ISSUE = notAllowed({ what: 'not-on-an-issue' });
/** Like Jira, the same answer whether the issue is missing or hidden from the caller. */
const ISSUE_HIDDEN = notFound({ what: 'issue' });

export function projectOf(context: CallContext): UseCaseOutcome<ProjectRef> {
  const project = context.extension.project;
  return project === undefined ? NOT_ON_A_PROJECT : { ok: true, data: { id: project.id, key: project.key } };
}

async function holds(services: BackendServices, context: CallContext, scope: PermissionScope, needed: readonly JiraPermissionKey[]): Promise<boolean> {
  const granted = await services.userJira(context).myPermissions(scope, needed);
  return needed.every((permission) => granted.has(permission));
}

async function inProjectWith(
  services: BackendServices,
  context: CallContext,
  permission: JiraPermissionKey,
  refusal: ReturnType<typeof notAllowed>,
): Promise<UseCaseOutcome<PlanWriteContext>> {
  const project = projectOf(context);
  if (!project.ok) return project;
  if (!(await holds(services, context, { projectId: project.data.id }, [permission]))) return refusal;
  return { ok: true, data: { actor: { accountId: context.accountId }, project: project.data } };
}

const READER_REFUSAL = notAllowed({ what: 'browse-project' });

/** Reading plans and figures: anyone who can browse the project. */
export function asProjectReader(services: BackendServices, context: CallContext): Promise<UseCaseOutcome<PlanWriteContext>> {
  return inProjectWith(services, context, 'BROWSE_PROJECTS', READER_REFUSAL);
}

export interface ProjectReader extends PlanWriteContext {
  /** Whether the caller may also change the project's plans and settings. */
  readonly canAdminister: boolean;
}

/** A project reader, and — from the same `mypermissions` call — whether they administer the project. */
export async function asProjectReaderNotingAdmin(services: BackendServices, context: CallContext): Promise<UseCaseOutcome<ProjectReader>> {
  const project = projectOf(context);
  if (!project.ok) return project;
  const granted = await services.userJira(context).myPermissions({ projectId: project.data.id }, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS']);
  if (!granted.has('BROWSE_PROJECTS')) return READER_REFUSAL;
  return { ok: true, data: { actor: { accountId: context.accountId }, project: project.data, canAdminister: granted.has('ADMINISTER_PROJECTS') } };
}

/** The project a gadget's saved configuration names, by key: the caller must browse it. */
export async function asGadgetProjectReader(services: BackendServices, context: CallContext, projectKey: string): Promise<UseCaseOutcome<null>> {
  return (await holds(services, context, { projectKey }, ['BROWSE_PROJECTS'])) ? { ok: true, data: null } : notAllowed({ what: 'browse-gadget-project', projectKey });
}

/** Changing plans, settings and bulk links: project administrators only. */
export function asProjectAdmin(services: BackendServices, context: CallContext): Promise<UseCaseOutcome<PlanWriteContext>> {
  return inProjectWith(services, context, 'ADMINISTER_PROJECTS', notAllowed({ what: 'administer-project' }));
}

/** Whether the caller may browse a project (one `mypermissions` call); a project Jira no longer knows: no. */
export async function browsesProject(services: BackendServices, context: CallContext, projectId: string): Promise<boolean> {
  try {
    return await holds(services, context, { projectId }, ['BROWSE_PROJECTS']);
  } catch (error) {
    if (error instanceof JiraError && error.kind === 'not-found') return false;
    throw error;
  }
}

/** Jira answers 404 for an issue the caller may not see: that is "no permissions", not a failure. */
async function issuePermissions(services: BackendServices, context: CallContext, issueId: string): Promise<ReadonlySet<JiraPermissionKey>> {
  try {
    return await services.userJira(context).myPermissions({ issueId }, ['BROWSE_PROJECTS', 'EDIT_ISSUES']);
  } catch (error) {
    if (error instanceof JiraError && error.kind === 'not-found') return new Set();
    throw error;
  }
}

export interface IssueAccess {
  readonly issue: IssueRef;
  readonly project: ProjectRef;
  readonly actor: { readonly accountId: string };
  readonly canEdit: boolean;
}

/**
 * The issue the panel is open on, if the caller can see it — one Jira call that also tells
 * whether they may edit it. Someone who can't browse the issue learns nothing about it.
 */
export async function asIssueViewer(services: BackendServices, context: CallContext): Promise<UseCaseOutcome<IssueAccess>> {
  const target = issueOf(context);
  if (!target.ok) return target;
  const granted = await issuePermissions(services, context, target.data.issue.id);
  if (!granted.has('BROWSE_PROJECTS')) return ISSUE_HIDDEN;
  return { ok: true, data: { ...target.data, actor: { accountId: context.accountId }, canEdit: granted.has('EDIT_ISSUES') } };
}

/** The issue and project the Forge context names: where the surface is open, not yet whether the caller may see it. */
export function issueOf(context: CallContext): UseCaseOutcome<IssueTarget> {
  const { issue, project } = context.extension;
  if (issue === undefined || project === undefined) return NOT_ON_AN_ISSUE;
  return { ok: true, data: { issue: { id: issue.id, key: issue.key }, project: { id: project.id, key: project.key } } };
}

/** Changing the issue's plan: Jira's Edit issues permission on it. */
export async function asIssueEditor(services: BackendServices, context: CallContext): Promise<UseCaseOutcome<IssueAccess>> {
  const access = await asIssueViewer(services, context);
  if (access.ok && !access.data.canEdit) return notAllowed({ what: 'edit-issue' });
  return access;
}
