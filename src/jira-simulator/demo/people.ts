import type { PermissionKey, SimProject, SimUser } from '../model';

export const DEMO_PROJECT: SimProject = { id: '10000', key: 'SUP', name: 'Customer Support' };

const ALL: readonly PermissionKey[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS', 'WORK_ON_ISSUES', 'TRANSITION_ISSUES'];
const AGENT: readonly PermissionKey[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'WORK_ON_ISSUES', 'TRANSITION_ISSUES'];
const READ_ONLY: readonly PermissionKey[] = ['BROWSE_PROJECTS'];

function demoUser(slug: string, displayName: string, timeZone: string, permissions: readonly PermissionKey[]): SimUser {
  return {
    accountId: `demo-${slug}`,
    email: `${slug}@demo.support-hours.local`,
    apiToken: `demo-${slug}-token`,
    displayName,
    timeZone,
    accountType: 'atlassian',
    permissions: { [DEMO_PROJECT.id]: permissions },
  };
}

/** An admin and two agents who log work in three UTC offsets, and a manager who only reads. */
export const DEMO_USERS = {
  admin: demoUser('admin', 'Ada Admin', 'Europe/Berlin', ALL),
  agentUs: demoUser('agent-us', 'Avery Agent', 'America/New_York', AGENT),
  agentIn: demoUser('agent-in', 'Ravi Agent', 'Asia/Kolkata', AGENT),
  manager: demoUser('manager', 'Morgan Manager', 'Europe/London', READ_ONLY),
} as const;
