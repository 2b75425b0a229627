export { JiraAdapter } from './jira-adapter';
export type { CallStats, CallTally } from './call-counters';
export type { JiraClientOptions } from './jira-client';
export { HttpTransport, type FetchFunction, type HttpTransportOptions } from './http-transport';
export { ForgeTransport, type ForgeIdentity } from './forge-transport';
export type { JiraTransport, TransportRequest, TransportResponse, JiraResource } from './transport';
