import { tzOffset } from '@date-fns/tz';
import type { BillingClass, Plan } from '../../ledger/types';
import { formatOffset } from '../jira-time';
import type { SimIssue, SimProject, SimUser, SimWorklog } from '../model';
import { seededRandom, type Random } from '../prng';
import { DEMO_PROJECT, DEMO_USERS } from './people';
import { DEMO_PLAN_IDS, demoPlans } from './plans';
import { generateServiceDesk, withHelpDeskPermissions, type DemoServiceDesk } from './service-desk';

export type DemoSize = 'small' | 'large';

export interface DemoOptions {
  readonly seed: number;
  readonly size: DemoSize;
  /** `YYYY-MM-DD` (UTC); worklogs fall in the six months before it. */
  readonly today: string;
}

export interface DemoData {
  readonly users: readonly SimUser[];
  readonly projects: readonly SimProject[];
  readonly issues: readonly SimIssue[];
  readonly plans: readonly Plan[];
  readonly worklogs: readonly SimWorklog[];
  /** The help desk (a JSM service project): kept apart, so `issues` and `worklogs` are the sizes above. */
  readonly serviceDesk: DemoServiceDesk;
}

export const DEMO_SIZES: Readonly<Record<DemoSize, { readonly issues: number; readonly worklogs: number }>> = {
  small: { issues: 200, worklogs: 3000 },
  large: { issues: 5000, worklogs: 100_000 },
};

export const SUPPORT_PLAN_PROPERTY = 'support-plan';

const DAY_MS = 86_400_000;
const LONG_RUNNING_SHARE = 0.08;
/** Most tickets get 3–15 worklogs; the long-running minority shares the rest, at least 30 each. */
const USUAL_WORKLOGS = { min: 3, max: 15 } as const;
const LONG_RUNNING_MIN_WORKLOGS = 30;
const DURATIONS_MINUTES = [15, 15, 30, 30, 30, 45, 60, 60, 60, 90, 120, 180, 240] as const;
const WORK_AUTHORS = [DEMO_USERS.admin, DEMO_USERS.agentUs, DEMO_USERS.agentUs, DEMO_USERS.agentIn, DEMO_USERS.agentIn] as const;
const SUMMARY_PROBLEMS = ['Cannot log in to', 'Slow response from', 'Error when exporting from', 'Question about', 'Data missing in', 'Upgrade of', 'Integration failing for'] as const;
const SUMMARY_SYSTEMS = ['the billing portal', 'the mobile app', 'the reporting module', 'SSO', 'the REST API', 'the nightly import', 'the admin console'] as const;

/**
 * A deterministic demo site: the same seed and `today` give the same data. Tickets live a few
 * days to a few weeks with 3–15 worklogs; about 8 % run for months with 30 or more. Work is
 * logged on weekdays in business hours in each author's own time zone (and UTC offset), one worklog in eight in the
 * evening (from 18:30). One issue in twelve is a P1 (priority Highest), a third of those raised to it from Medium
 * halfway through their life (an entry in their changelog); the rest are Medium.
 */
export function generateDemo(options: DemoOptions): DemoData {
  const random = seededRandom(options.seed);
  const sizes = DEMO_SIZES[options.size];
  const windowEnd = Date.parse(`${options.today}T00:00:00Z`);
  const windowStart = windowEnd - 182 * DAY_MS;
  const plans = demoPlans(options.today);
  const counts = worklogCounts(random, sizes.issues, sizes.worklogs);
  const offsets = new OffsetCache();

  const tickets = counts
    .map((count) => {
      const longRunning = count >= LONG_RUNNING_MIN_WORKLOGS;
      const lifetimeDays = longRunning ? random.integer(30, 120) : random.integer(2, 21);
      const created = random.integer(windowStart, windowEnd - 2 * DAY_MS);
      return { count, created, end: Math.min(created + lifetimeDays * DAY_MS, windowEnd - 3_600_000) };
    })
    .sort((a, b) => a.created - b.created);

  const issues: SimIssue[] = [];
  const drafts: Omit<SimWorklog, 'id'>[] = [];
  tickets.forEach((ticket, index) => {
    const issueId = String(10_000 + index);
    let created = ticket.created;
    let lastUpdate = ticket.created;
    for (let n = 0; n < ticket.count; n += 1) {
      const afterHours = drafts.length % AFTER_HOURS_EVERY === AFTER_HOURS_EVERY - 1;
      const { worklog, startedMs } = draftWorklog(random, offsets, issueId, ticket.created, ticket.end, windowEnd, afterHours);
      drafts.push(worklog);
      // Work logged early on the ticket's first day would otherwise predate the ticket.
      created = Math.min(created, startedMs - 1_800_000);
      lastUpdate = Math.max(lastUpdate, worklog.updated);
    }
    issues.push({
      id: issueId,
      key: `${DEMO_PROJECT.key}-${index + 1}`,
      projectId: DEMO_PROJECT.id,
      summary: `${random.pick(SUMMARY_PROBLEMS)} ${random.pick(SUMMARY_SYSTEMS)}`,
      issueTypeId: random.pick(['10003', '10003', '10003', '10002', '10001']),
      created,
      updated: lastUpdate,
      properties: linkProperty(random),
      ...priorityOf(index, ticket, created),
    });
  });

  const worklogs = drafts
    .sort((a, b) => a.created - b.created || a.issueId.localeCompare(b.issueId))
    .map((draft, index) => ({ id: String(100_000 + index), ...draft }));
  const serviceDesk = generateServiceDesk({
    seed: options.seed,
    windowEnd,
    firstIssueId: 10_000 + issues.length,
    firstWorklogId: 100_000 + worklogs.length,
  });
  return { users: Object.values(DEMO_USERS).map(withHelpDeskPermissions), projects: [DEMO_PROJECT], issues, plans, worklogs, serviceDesk };
}

/** Skewed counts per issue that add up to exactly `total`. */
function worklogCounts(random: Random, issueCount: number, total: number): number[] {
  const longRunning = Array.from({ length: issueCount }, () => random.chance(LONG_RUNNING_SHARE));
  const counts = longRunning.map((long) => (long ? 0 : random.integer(USUAL_WORKLOGS.min, USUAL_WORKLOGS.max)));
  const longIndexes = longRunning.flatMap((long, index) => (long ? [index] : []));
  const weights = longIndexes.map(() => 0.5 + random.next());
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  const remaining = total - counts.reduce((sum, count) => sum + count, 0);
  longIndexes.forEach((issueIndex, n) => {
    counts[issueIndex] = Math.max(LONG_RUNNING_MIN_WORKLOGS, Math.floor((remaining * (weights[n] ?? 1)) / weightSum));
  });
  const adjustable = longIndexes.length > 0 ? longIndexes : counts.map((_, index) => index);
  let excess = counts.reduce((sum, count) => sum + count, 0) - total;
  for (let n = 0; excess !== 0; n += 1) {
    const index = adjustable[n % adjustable.length] ?? 0;
    const count = counts[index] ?? 0;
    const floor = longRunning[index] ? LONG_RUNNING_MIN_WORKLOGS : USUAL_WORKLOGS.min;
    if (excess > 0 && count <= floor) continue;
    const step = excess > 0 ? -1 : 1;
    counts[index] = count + step;
    excess += step;
  }
  return counts;
}

interface DraftWorklog {
  readonly worklog: Omit<SimWorklog, 'id'>;
  readonly startedMs: number;
}

function draftWorklog(random: Random, offsets: OffsetCache, issueId: string, from: number, to: number, windowEnd: number, afterHours: boolean): DraftWorklog {
  const author = random.pick(WORK_AUTHORS);
  const day = weekday(Math.floor(random.integer(from, to) / DAY_MS));
  const offsetMinutes = offsets.offsetMinutes(author.timeZone, day);
  // Drawn either way, so the evening worklogs leave every other draw as it was.
  const businessMinutes = random.integer(8 * 4, 16 * 4) * 15;
  const localMinutes = afterHours ? EVENING_START_MINUTES : businessMinutes;
  const minutes = random.pick(DURATIONS_MINUTES);
  const startedMs = Math.min(day * DAY_MS + (localMinutes - offsetMinutes) * 60_000, windowEnd - (minutes + 60) * 60_000);
  const created = startedMs + (minutes + random.integer(0, 120)) * 60_000;
  const edited = random.chance(0.1);
  const worklog = {
    issueId,
    authorAccountId: author.accountId,
    updateAuthorAccountId: author.accountId,
    started: new Date(startedMs + offsetMinutes * 60_000).toISOString().slice(0, 23) + formatOffset(offsetMinutes),
    timeSpentSeconds: minutes * 60,
    created: Math.min(created, windowEnd - 60_000),
    updated: Math.min(edited ? created + random.integer(1, 72) * 3_600_000 : created, windowEnd - 60_000),
  };
  return { worklog, startedMs };
}

const AFTER_HOURS_EVERY = 8;
const EVENING_START_MINUTES = 18 * 60 + 30;
const P1_EVERY = 12;

/** Jira's priority ids: Highest (P1) and Medium. A P1 raised halfway records the change in its changelog. */
function priorityOf(index: number, ticket: { readonly created: number; readonly end: number }, created: number): Pick<SimIssue, 'priorityId' | 'changelog'> {
  if (index % P1_EVERY !== P1_EVERY - 1) return { priorityId: '3' };
  if (index % (P1_EVERY * 3) !== P1_EVERY * 3 - 1) return { priorityId: '1' };
  const raised = Math.max(created, Math.floor((ticket.created + ticket.end) / 2));
  const item = { field: 'priority', fieldId: 'priority', fieldtype: 'jira', from: '3', fromString: 'Medium', to: '1', toString: 'Highest' } as const;
  return { priorityId: '1', changelog: [{ id: String(10_000 + index), created: raised, authorAccountId: DEMO_USERS.agentUs.accountId, items: [item] }] };
}

/** Saturdays move back to Friday, Sundays forward to Monday (days counted from 1970-01-01, a Thursday). */
function weekday(day: number): number {
  const dayOfWeek = (day + 4) % 7;
  if (dayOfWeek === 6) return day - 1;
  if (dayOfWeek === 0) return day + 1;
  return day;
}

/** 15 % of issues are unlinked; linked ones are 75 % covered, 15 % extra, 10 % non-billable. */
function linkProperty(random: Random): Record<string, unknown> {
  if (random.chance(0.15)) return {};
  const planRoll = random.next();
  const planId = planRoll < 0.7 ? DEMO_PLAN_IDS.contract : planRoll < 0.88 ? DEMO_PLAN_IDS.payAsYouGo : DEMO_PLAN_IDS.mixed;
  const classRoll = random.next();
  const billingClass: BillingClass = classRoll < 0.75 ? 'covered' : classRoll < 0.9 ? 'extra' : 'non-billable';
  return { [SUPPORT_PLAN_PROPERTY]: { planId, billingClass } };
}

/** UTC offsets per zone and day (business hours never straddle a DST change), computed once each. */
class OffsetCache {
  private readonly cache = new Map<string, number>();

  offsetMinutes(timeZone: string, day: number): number {
    const key = `${timeZone}:${day}`;
    let offset = this.cache.get(key);
    if (offset === undefined) {
      offset = tzOffset(timeZone, new Date(day * DAY_MS + DAY_MS / 2));
      this.cache.set(key, offset);
    }
    return offset;
  }
}
