import { organizationIdsOf, type StoredPlan } from '../../contract';
import type { OrganizationDirectory } from '../ports/jira';
import { invalid, type UseCaseOutcome } from '../refusal';
import type { PlanVersionRef } from './archive-plan';
import { changePlanSetting } from './change-plan-setting';
import { listProjectPlans } from './plan-repository';
import type { PlanWriteContext, PlanWritePorts } from './plan-write';

export interface SetOrganizationsRequest extends PlanVersionRef {
  readonly organizationIds: readonly string[];
}

export interface SetOrganizationsPorts extends PlanWritePorts {
  /** Jira as the app: the project's service desk's organisations. */
  readonly appJira: OrganizationDirectory;
}

/**
 * Names the JSM organisations whose requests link to the plan, as of now: a setting, not a term (decision 0051), so
 * requests already linked stay where they are until their organisations change or a bulk link moves them. Each
 * organisation must be one of the project's service desk's, and no other plan of the project may name it (plans
 * being deleted included: their claim ends with the purge).
 */
export async function setOrganizations(ports: SetOrganizationsPorts, context: PlanWriteContext, request: SetOrganizationsRequest): Promise<UseCaseOutcome<StoredPlan>> {
  return changePlanSetting(ports, context, request, {
    before: (current) => ({ organizationIds: [...organizationIdsOf(current)] }),
    after: { organizationIds: [...request.organizationIds] },
    refusal: (current) => refusal(ports, context, current, request.organizationIds),
  });
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
