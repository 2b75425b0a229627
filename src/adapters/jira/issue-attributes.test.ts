import { attributeChangesOf, attributesNowOf, REQUEST_TYPE_FIELD } from './issue-attributes';

describe('issue attributes as Jira shows them', () => {
  it('reads the priority, issue type and request type ids now, leaving out fields that show nothing', () => {
    expect(attributesNowOf({ priority: { id: '1' }, issuetype: { id: '10003' }, [REQUEST_TYPE_FIELD]: { requestType: { id: '7' } } })).toEqual({
      priority: '1',
      issueType: '10003',
      requestType: '7',
    });
    expect(attributesNowOf({ priority: null, [REQUEST_TYPE_FIELD]: null })).toEqual({});
  });

  it('keeps only the changes of those fields from changelog entries, at the entry\'s instant', () => {
    const changes = attributeChangesOf([
      {
        created: '2026-10-05T09:00:00.000+0200',
        items: [
          { fieldId: 'summary', from: null, to: null },
          { fieldId: 'priority', from: '3', to: '1' },
          { fieldId: REQUEST_TYPE_FIELD, to: '7' },
        ],
      },
      { created: '2026-10-05T10:00:00.000+0200', items: [{ fieldId: 'issuetype', from: '10003', to: '10002' }] },
    ]);
    const at = Date.parse('2026-10-05T07:00:00.000Z');
    expect(changes).toEqual([
      { field: 'priority', at, from: '3', to: '1' },
      { field: 'requestType', at, from: null, to: '7' },
      { field: 'issueType', at: at + 3_600_000, from: '10003', to: '10002' },
    ]);
  });
});
