export { amendedPlanSchema, planFileSchema, planSchema, planVersionsSchema, parsePlan } from './plan';
export { issueLinksSchema, parseLinks, type ParseLinksOptions } from './links';
export { worklogInputSchema, parseWorklogs } from './worklogs';
export { closedStatementsSchema, parseClosedStatements, type ParseClosedOptions } from './closed';
export type { InputIssue, InputResult } from './result';
export type { PlanDocument } from './plan';
export type { IssueLinksDocument } from './links';
export type { WorklogsDocument } from './worklogs';
export type { ClosedStatementsDocument } from './closed';
