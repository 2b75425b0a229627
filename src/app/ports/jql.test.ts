import { allOf, billingClassIs, issueIdIs, jqlString, projectIs, queryAsTyped, supportPlanIs, worklogBefore, worklogOnOrAfter, type Jql } from './jql';

describe('jqlString', () => {
  it('quotes text and escapes the characters that could end the string', () => {
    expect(jqlString('acme-gold')).toBe('"acme-gold"');
    expect(jqlString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(jqlString('x" OR project = "OTH')).toBe('"x\\" OR project = \\"OTH"');
  });

  it('writes line breaks, tabs and other control characters as escapes, and leaves the rest of Unicode alone', () => {
    expect(jqlString('a\nb\rc\td')).toBe('"a\\nb\\rc\\td"');
    expect(jqlString('\u0000\u001f\u007f')).toBe('"\\u0000\\u001f\\u007f"');
    expect(jqlString("ümlaut — 計画 'single' 😀")).toBe('"ümlaut — 計画 \'single\' 😀"');
  });
});

describe('the clauses the app writes', () => {
  it('names a plan only by a plan id', () => {
    expect(allOf(supportPlanIs('acme-gold'))).toBe('supportPlan = "acme-gold"');
    for (const notAnId of ['', 'Acme', 'x" OR project = "OTH', 'a b', 'acme--gold', 'a'.repeat(65)]) {
      expect(() => supportPlanIs(notAnId)).toThrow('is not a plan id');
    }
  });

  it('names issues and projects only by their numeric Jira ids', () => {
    expect(allOf(issueIdIs('10001'), worklogOnOrAfter('1970-01-01'))).toBe('id = 10001 AND worklogDate >= "1970-01-01"');
    expect(allOf(supportPlanIs('p'), projectIs('10000'), billingClassIs('non-billable'), worklogBefore('2026-11-02'))).toBe(
      'supportPlan = "p" AND project = 10000 AND supportBillingClass = "non-billable" AND worklogDate < "2026-11-02"',
    );
    for (const notAnId of ['', 'SUP', 'SUP-1', '1 OR 1', '1)', '10000 OR project = 20000']) {
      expect(() => issueIdIs(notAnId)).toThrow('is not a Jira issue id');
      expect(() => projectIs(notAnId)).toThrow('is not a Jira project id');
    }
  });

  it('quotes every other value', () => {
    expect(allOf(worklogOnOrAfter('2026" OR project = "OTH'))).toBe('worklogDate >= "2026\\" OR project = \\"OTH"');
  });
});

describe('queryAsTyped', () => {
  it('keeps an administrator\'s query exactly as typed: nothing is added to it', () => {
    const typed = 'id > 0) OR (project = OTH';
    expect(queryAsTyped(typed)).toBe(typed);
  });
});

describe('the Jql type', () => {
  it('comes only from the builder: text is not a query the Jira port accepts (the compiler checks this)', () => {
    // @ts-expect-error Text is not a query until the builder writes it.
    const handWritten: Jql = 'project = 10000';
    const built: Jql = allOf(projectIs('10000'));
    expect(built).toBe(handWritten);
  });
});
