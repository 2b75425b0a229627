import fc from 'fast-check';
import { BULK_JQL_MAX_LENGTH } from '../../src/input/limits';
import { as, backendFixture, ISSUES, on, OTHER_PROJECT, planInput, PROJECT, USERS } from './support/backend-fixture';

/**
 * Whatever an admin of SUP who may browse OTH types as the bulk query, counting it and confirming
 * the count never writes anything to OTH's issues: the query runs as typed, and only the SUP
 * issues among its results are ever linked.
 */
const OTHER_PLAN = { planId: 'oth-plan', billingClass: 'covered' } as const;

/** Each query with what counting and confirming it comes to: Jira's refusal, or how many OTH issues the job left out. */
const CORPUS: readonly (readonly [string, string])[] = [
  ['id > 0) OR (project = OTH', 'VALIDATION_FAILED'],
  ['id > 0 OR project = OTH', 'left out 1'],
  ['project in (SUP, OTH)', 'left out 1'],
  ['project = OTH', 'left out 1'],
  ['NOT project = SUP', 'left out 1'],
  ['summary ~ "Issue") OR (project = "OTH"', 'VALIDATION_FAILED'],
  ['summary ~ "Issue\\") OR (project = \\"OTH"', 'left out 0'],
  ["summary ~ 'Issue') OR (project = 'OTH'", 'VALIDATION_FAILED'],
  ['key = "SUP-1\\" OR project = OTH"', 'left out 0'],
  ['project = OTH ORDER BY key DESC', 'left out 1'],
  ['id > 0 ORDER BY key) OR (project = OTH', 'VALIDATION_FAILED'],
  ['ORDER BY key', 'VALIDATION_FAILED'],
  ['summary ~ "Ïssue 計画 😀" OR project = OTH', 'left out 1'],
  ['project = OTH \u202e AND id > 0', 'VALIDATION_FAILED'],
  ['project = OTH; DROP', 'VALIDATION_FAILED'],
  ['project = OTH --', 'VALIDATION_FAILED'],
  [`${'('.repeat(400)}project = OTH${')'.repeat(400)}`, 'left out 1'],
  [`${'project = OTH OR '.repeat(110)}id > 0`, 'left out 1'],
  [`summary ~ "${'x'.repeat(BULK_JQL_MAX_LENGTH - 40)}") OR (project = OTH`, 'VALIDATION_FAILED'],
];

const FRAGMENTS = ['(', ')', '"', "'", '\\', ' OR ', ' AND ', 'NOT ', 'project = OTH', 'project = SUP', 'id > 0', ' ORDER BY key', 'summary ~ "Issue"', ',', 'in (SUP, OTH)', '計画', '\n'];

describe('the bulk query never reaches past its project', () => {
  const fixture = backendFixture();
  const who = as(USERS.browsingAdmin);

  beforeAll(async () => {
    await fixture.invoker.invoke('plans/create', { plan: planInput() }, as(USERS.admin), on.settings());
    await fixture.jira.app.setIssueLink(ISSUES.oth1.id, OTHER_PLAN);
  });

  const othLinks = () => fixture.simulator.snapshot().issues.filter((issue) => issue.projectId === OTHER_PROJECT.id).map((issue) => issue.properties);

  /** Counts and confirms `jql`; answers how many OTH issues the job left out, or the refusal's code. */
  async function attempt(jql: string): Promise<string> {
    const counted = await fixture.invoker.invokeWithAnyPayload('bulk/preview', { jql }, who, on.settings());
    if (!counted.ok) return counted.error.code;
    expect(counted.data.count).toBeLessThanOrEqual(3);
    const started = await fixture.invoker.invokeWithAnyPayload('bulk/link', { jql, planId: 'acme-gold', countToken: counted.data.countToken }, who, on.settings());
    if (!started.ok) return started.error.code;
    await fixture.queue.drain();
    const status = await fixture.invoker.invoke('bulk/status', { jobId: started.data.jobId }, who, on.settings());
    if (!status.ok) throw new Error(status.error.message);
    const leftOut = status.data.skipped.find((skip) => skip.reason === 'other-project')?.count ?? 0;
    expect(leftOut).toBe(counted.data.otherProjects);
    return `left out ${leftOut}`;
  }

  it.each(CORPUS.map(([jql, outcome]) => [jql.length > 60 ? `${jql.slice(0, 60)}… (${jql.length} characters)` : jql, jql, outcome]))('%s', async (_, jql, outcome) => {
    expect(await attempt(jql)).toBe(outcome);
    expect(othLinks()).toEqual([{ 'support-plan': OTHER_PLAN }]);
  });

  it('holds for any mix of brackets, quotes, keywords and projects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 12 }), async (parts) => {
        const jql = parts.join('');
        if (jql.trim() === '') return;
        await attempt(jql);
        expect(othLinks()).toEqual([{ 'support-plan': OTHER_PLAN }]);
      }),
      { numRuns: 60, seed: 20261010 },
    );
  });

  it('did link the project\'s own issues along the way', () => {
    const supLinks = fixture.simulator.snapshot().issues.filter((issue) => issue.projectId === PROJECT.id).map((issue) => issue.properties['support-plan']);
    expect(supLinks).toEqual([1, 2, 3].map(() => ({ planId: 'acme-gold', billingClass: 'covered', linkedBy: 'hand' })));
  });
});
