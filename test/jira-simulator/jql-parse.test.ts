import { errorBody } from './responses';
import { AGENT, buildIssue, buildState, call, newSimulator } from './site';

async function parse(queries: unknown, validation: string | null = 'strict') {
  const { simulator } = newSimulator(buildState([buildIssue(1)]));
  const query = validation === null ? '' : `?validation=${validation}`;
  return call(simulator, AGENT, 'POST', `/rest/api/3/jql/parse${query}`, { queries });
}

describe('POST /rest/api/3/jql/parse', () => {
  it('answers each query on its own: valid ones bare, invalid ones with Jira\'s messages', async () => {
    const answer = await parse(['project = SUP AND summary ~ "ticket" ORDER BY key', 'id > 0) OR (project = OPS', 'colour = red', 'summary ~ "a\\qb"']);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      queries: [
        { query: 'project = SUP AND summary ~ "ticket" ORDER BY key' },
        { query: 'id > 0) OR (project = OPS', errors: ["Error in the JQL Query: The JQL part ')' is not supported. (line 1, character 7)"] },
        { query: 'colour = red', errors: ["Field 'colour' does not exist or you do not have permission to view it."] },
        {
          query: 'summary ~ "a\\qb"',
          errors: ["Error in the JQL Query: '\\q' is an illegal JQL escape sequence. The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX. (line 1, character 13)"],
        },
      ],
    });
  });

  it('checks syntax only with validation=none, and reads a missing validation as strict (its default)', async () => {
    expect((await parse(['colour = red', 'project = SUP AND'], 'none')).body).toEqual({
      queries: [{ query: 'colour = red' }, { query: 'project = SUP AND', errors: ['Error in the JQL Query: Expecting a field name but reached the end of the query.'] }],
    });
    expect((await parse(['colour = red'], null)).body).toEqual({ queries: [{ query: 'colour = red', errors: ["Field 'colour' does not exist or you do not have permission to view it."] }] });
  });

  it('answers 400 with Jira\'s error body for an unknown validation, no queries or an empty one', async () => {
    const unknownMode = await parse(['project = SUP'], 'lenient');
    expect([unknownMode.status, errorBody.parse(unknownMode.body).errorMessages]).toEqual([400, ["The value 'lenient' of the query parameter 'validation' is not one of strict, warn, none."]]);
    expect(errorBody.parse((await parse([])).body).errors).toEqual({ queries: 'must list at least one query' });
    expect(errorBody.parse((await parse(['project = SUP', ''])).body).errors).toEqual({ 'queries.1': 'must not be empty' });
  });
});
