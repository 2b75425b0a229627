import type { OrganizationDirectory } from '../ports/jira';
import { allOf, organizationIs, projectIs } from '../ports/jql';

/** A settings answer stays small: a service desk with more organisations lists the first ones by id. */
export const MAX_ORGANIZATION_CHOICES = 500;

export interface OrganizationChoice {
  readonly id: string;
  readonly name: string;
  /** The JQL of the organisation's requests in the project, for a bulk link of those that exist already. */
  readonly jql: string;
}

export interface OrganizationChoices {
  readonly organizations: readonly OrganizationChoice[] | null;
  readonly truncated: boolean;
}

/** The organisations of the project's service desk, for the plan form's picker; null when it is not a service project. */
export async function organizationChoices(appJira: OrganizationDirectory, projectId: string): Promise<OrganizationChoices> {
  const organizations = await appJira.projectOrganizations(projectId);
  if (organizations === null) return { organizations: null, truncated: false };
  return {
    organizations: organizations.slice(0, MAX_ORGANIZATION_CHOICES).map(({ id, name }) => ({ id, name, jql: allOf(projectIs(projectId), organizationIs(name)) })),
    truncated: organizations.length > MAX_ORGANIZATION_CHOICES,
  };
}
