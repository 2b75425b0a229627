import type { IssueReader, OrganizationDirectory, PeopleDirectory, RequestAccess } from '../ports/jira';
import type { UsagePorts } from '../usage/usage-ports';

/** The JSM organisations an account belongs to, asked as the app for the account the Forge context names. */
export type CustomerOrganisations = Pick<OrganizationDirectory, 'organizationsOfCustomer'>;

/** What the portal's use cases read: stored figures, Jira as the app, and Jira as the customer for the request. */
export interface PortalPorts extends UsagePorts {
  /** Jira as the app: the request's issue and project, the customer's organisations, people's names. */
  readonly appJira: IssueReader & CustomerOrganisations & PeopleDirectory;
  /** Jira as the customer who asks: whether they may view the request. */
  readonly customerJira: RequestAccess;
}
