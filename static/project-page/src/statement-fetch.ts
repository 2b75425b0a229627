import { callResolver } from '../../shared/api/call-resolver';
import type { PageFetcher } from './statement-pages';

/** Pages of a statement's lists from the server. */
export const fetchStatementPage: PageFetcher = (request) => callResolver('usage/statementPage', request);
