import { organizationIdsOf, type StoredPlan } from '../../contract';
import type { OrganizationDirectory } from '../ports/jira';
import { conflict, invalid, type UseCaseOutcome } from '../refusal';
import { diffJson } from './diff-json';
import { loadPlanInProject } from './plan-in-project';
import { listProjectPlans } from './plan-repository';
import { auditEntry, nextVersion, staleVersion, writePlanVersion, type PlanWriteContext, type PlanWritePorts } from './plan-write';
import { toJsonValue } from './to-json-value';

export interface SetOrganizationsRequest {
  readonly planId: string;
  readonly expectedVersion: number;
  readonly organizationIds: readonly string[];
}

export interface SetOrganizationsPorts extends PlanWritePorts {
  /** Jira as the app: the project's service desk's organisations. */
  readonly appJira: OrganizationDirectory;
}

/**
 * Names the JSM organisations whose requests link to the plan, as of now: a setting, not a term (decision 0051), so
 * no period and no closed statement is touched, and requests already linked stay where they are until their
 * organisations change or a bulk link moves them. Each organisation must be one of the project's service desk's, and
 * no other plan of the project may name it (plans being deleted included: their claim ends with the purge).
 */
export async function setOrganizations(ports: SetOrganizationsPorts, context: PlanWriteContext, request: SetOrganizationsRequest): Promise<UseCaseOutcome<StoredPlan>> {
  const found = await loadPlanInProject(ports.store, { projectId: context.project.id }, request.planId);
  if (!found.ok) return found;
  const current = found.data.stored;
  if (current.version !== request.expectedVersion) return staleVersion(current, request.expectedVersion);
  if (current.status === 'archived') return conflict({ what: 'plan-archived', planName: current.plan.name });
  const changes = diffJson(toJsonValue({ organizationIds: organizationIdsOf(current) }), toJsonValue({ organizationIds: request.organizationIds }));
  if (changes.length === 0) return { ok: true, data: current };
  const refused = await refusal(ports, context, current, request.organizationIds);
  if (refused) return refused;
  const stored = nextVersion(current, { organizationIds: [...request.organizationIds] }, ports, context.actor);
  return writePlanVersion(ports, { stored, previous: found.data.storeVersion, audit: auditEntry(stored, 'updated', changes) }, staleVersion(current, request.expectedVersion));
}

async function refusal(ports: SetOrganizationsPorts, context: PlanWriteContext, current: StoredPlan, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return undefined;
  const projectKey = context.project.key;
  const offered = await ports.appJira.projectOrganizations(context.project.id);
  if (offered === null) return invalid('organizationIds', { what: 'not-a-service-project', projectKey });
  const names = new Map(offered.map((organization) => [organization.id, organization.name]));
  const unknown = organizationIds.findIndex((id) => !names.has(id));
  if (unknown >= 0) return invalid(`organizationIds.${unknown}`, { what: 'unknown-organization', organizationId: organizationIds[unknown] ?? '', projectKey });
  const others = (await listProjectPlans(ports.store, context.project.id)).filter((stored) => stored.plan.id !== current.plan.id);
  for (const [index, organizationId] of organizationIds.entries()) {
    const claimant = others.find((stored) => organizationIdsOf(stored).includes(organizationId));
    if (claimant) {
      return invalid(`organizationIds.${index}`, { what: 'organization-claimed', organizationName: names.get(organizationId) ?? organizationId, planName: claimant.plan.name });
    }
  }
  return undefined;
}
