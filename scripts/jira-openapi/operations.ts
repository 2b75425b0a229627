import { ROUTES } from '../../src/jira-simulator/routes';
import type { Operation } from './trim';

/** Operations no code uses yet, kept so that upcoming work can be checked against Jira's documented shapes. */
export const UPCOMING_OPERATIONS: readonly Operation[] = [
  { method: 'GET', path: '/rest/api/3/priority/{id}' },
];

/**
 * What the subset keeps: every operation the simulator serves (the access layer calls only
 * those, and its tests check each request against the subset) and the upcoming ones.
 */
export const KEPT_OPERATIONS: readonly Operation[] = [...ROUTES.map(({ method, path }) => ({ method, path })), ...UPCOMING_OPERATIONS];
