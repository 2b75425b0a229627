export { planSchema, parsePlan } from './plan';
export { issueLinksSchema, parseLinks, type ParseLinksOptions } from './links';
export { worklogInputSchema, parseWorklogs } from './worklogs';
export type { InputIssue, InputResult } from './result';
