import fc from 'fast-check';
import { planIssuesJql } from '../../../src/adapters/jira/jql';
import { jqlString, supportPlanIs, worklogBefore } from '../../../src/app/ports/jql';
import { parseJql } from '../../../src/jira-simulator/jql/parse';
import { tokenize } from '../../../src/jira-simulator/jql/tokenize';

describe('planIssuesJql', () => {
  it('finds a plan by its search alias', () => {
    expect(planIssuesJql({ planId: 'acme-gold' })).toBe('supportPlan = "acme-gold"');
  });

  it('narrows to a project and widens the span by a day on each side', () => {
    const span = { startDate: '2026-10-01', endDateExclusive: '2026-11-01', start: 1790805600000, end: 1793487600000 };
    expect(planIssuesJql({ planId: 'acme-gold', projectId: '10000', span })).toBe(
      'supportPlan = "acme-gold" AND project = 10000 AND worklogDate >= "2026-09-30" AND worklogDate < "2026-11-02"',
    );
  });

  it('crosses month and leap-day boundaries', () => {
    const span = { startDate: '2028-03-01', endDateExclusive: '2028-03-01', start: 0, end: 0 };
    expect(planIssuesJql({ planId: 'p', span })).toBe(
      'supportPlan = "p" AND worklogDate >= "2028-02-29" AND worklogDate < "2028-03-02"',
    );
  });

  it('writes no query for something that is not a plan id', () => {
    expect(() => planIssuesJql({ planId: 'x" OR project = "OTHER' })).toThrow('is not a plan id');
  });
});

describe('a quoted value read back by a JQL lexer that follows Jira\'s escapes', () => {
  const awkward = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('x" OR project = "OTH', '") OR (project = OTH', 'a\\', '\\"', "'", 'ORDER BY key', '\n\r\t', '\u0000', 'ümlaut — 計画 😀'),
  );

  it('is one string token holding exactly the text, whatever the text', () => {
    fc.assert(
      fc.property(awkward, (text) => {
        expect(tokenize(`summary ~ ${jqlString(text)}`)).toEqual([
          { kind: 'word', text: 'summary', position: 0 },
          { kind: 'operator', text: '~', position: 8 },
          { kind: 'string', text, position: 10 },
        ]);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it('stays inside its clause: the query keeps exactly the shape the app wrote', () => {
    fc.assert(
      fc.property(awkward, (text) => {
        expect(parseJql(`${supportPlanIs('acme-gold')} AND ${worklogBefore(text)}`)).toEqual({
          where: {
            kind: 'and',
            left: { kind: 'compare', field: 'supportPlan', operator: '=', value: 'acme-gold' },
            right: { kind: 'compare', field: 'worklogDate', operator: '<', value: text },
          },
          orderBy: [],
        });
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});
