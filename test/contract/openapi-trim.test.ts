import { expect } from '@jest/globals';
import type { JsonObject } from '../../scripts/jira-openapi/json';
import { buildSubset, contentSha256 } from '../../scripts/jira-openapi/subset-document';
import { trimToOperations } from '../../scripts/jira-openapi/trim';

const source: JsonObject = {
  openapi: '3.0.1',
  info: { title: 'Sample API', version: '1.0', description: 'Prose' },
  tags: [{ name: 'Things' }],
  paths: {
    '/things/{id}': {
      get: {
        summary: 'Get a thing',
        description: 'Returns a thing.',
        operationId: 'getThing',
        tags: ['Things'],
        security: [{ basicAuth: [] }],
        'x-atlassian-connect-scope': 'READ',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The ID.', example: '7', schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'Returned if the request is successful.',
            content: { 'application/json': { example: '{"id":"7"}', schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { description: 'Returned if the thing is not found.' },
        },
      },
      delete: { responses: { '204': { description: 'Deleted.' } } },
    },
    '/unused': { get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Unused' } } } } } } },
  },
  components: {
    schemas: {
      Thing: {
        description: 'A thing.',
        title: 'Thing',
        xml: { name: 'thing' },
        type: 'object',
        properties: {
          description: { description: 'What the thing is.', type: 'string', default: 'none' },
          example: { type: 'string', example: 'an example' },
          owner: { allOf: [{ $ref: '#/components/schemas/Owner' }] },
          kind: { type: 'string', enum: ['description', 'example'] },
        },
      },
      Owner: { type: 'object', properties: { name: { type: 'string' }, avatar: { $ref: '#/components/schemas/Avatar' } } },
      Avatar: { type: 'object', properties: { url: { type: 'string', format: 'uri', 'x-since': '2.0' } } },
      Unused: { type: 'object' },
    },
    securitySchemes: { basicAuth: { type: 'http', scheme: 'basic', description: 'Basic auth' } },
  },
};

describe('trimming an OpenAPI document to some of its operations', () => {
  const { paths, components } = trimToOperations(source, [{ method: 'GET', path: '/things/{id}' }]);

  it('keeps the structure of the chosen operations and drops what only explains', () => {
    expect(paths).toEqual({
      '/things/{id}': {
        get: {
          operationId: 'getThing',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
            '404': { description: '' },
          },
        },
      },
    });
  });

  it('keeps every schema the operations reach through references, and no other', () => {
    expect(components).toEqual({
      schemas: {
        Thing: {
          type: 'object',
          properties: {
            description: { type: 'string', default: 'none' },
            example: { type: 'string' },
            owner: { allOf: [{ $ref: '#/components/schemas/Owner' }] },
            kind: { type: 'string', enum: ['description', 'example'] },
          },
        },
        Owner: { type: 'object', properties: { name: { type: 'string' }, avatar: { $ref: '#/components/schemas/Avatar' } } },
        Avatar: { type: 'object', properties: { url: { type: 'string', format: 'uri' } } },
      },
    });
  });

  it('refuses an operation the document does not have', () => {
    expect(() => trimToOperations(source, [{ method: 'PUT', path: '/things/{id}' }])).toThrow(
      'The source document has no operation PUT /things/{id}',
    );
  });
});

describe('the subset document', () => {
  const subset = buildSubset(Buffer.from(JSON.stringify(source)), [{ method: 'GET', path: '/things/{id}' }]);

  it('records its source, its operations and the hash of its content', () => {
    expect(subset['x-subset']).toEqual({
      source: { title: 'Sample API', version: '1.0', openapi: '3.0.1', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      operations: ['GET /things/{id}'],
      generatedBy: 'npm run openapi:subset -- <path to jira-platform-openapi.json>',
      sha256: contentSha256(subset),
    });
  });

  it('has a content hash that changes with any part of the content but not with key order', () => {
    const reordered = Object.fromEntries(Object.entries(subset).reverse());
    expect(contentSha256(reordered)).toBe(contentSha256(subset));
    expect(contentSha256({ ...subset, paths: {} })).not.toBe(contentSha256(subset));
  });
});
