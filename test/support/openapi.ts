/**
 * Validates requests and responses against Atlassian's official Jira Cloud REST OpenAPI
 * document, through the committed subset of it that keeps the operations the project uses
 * (docs/jira-openapi.md), with ajv as the JSON Schema engine. OpenAPI 3.0 schemas are JSON
 * Schema plus `nullable` (ajv understands it) and a few keywords non-strict ajv ignores.
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { SUBSET_PATH } from '../../scripts/jira-openapi/subset-document';

const SPEC_ID = 'jira-openapi';

type HttpMethod = 'get' | 'post' | 'put' | 'delete';

interface ParameterObject {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: object;
}

interface MediaTypes {
  readonly content?: Record<string, { readonly schema?: object }>;
}

interface OperationObject {
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: MediaTypes & { readonly required?: boolean };
  readonly responses: Record<string, MediaTypes>;
}

interface OpenApiDocument {
  readonly paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  readonly components: { readonly schemas: Record<string, { readonly properties?: Record<string, object> }> };
}

export interface ContractResult {
  readonly valid: boolean;
  /** Human-readable reasons, empty when valid. */
  readonly errors: readonly string[];
}

let loaded: { spec: OpenApiDocument; ajv: Ajv } | undefined;
const compiled = new Map<string, ValidateFunction>();

function load(): { spec: OpenApiDocument; ajv: Ajv } {
  if (!loaded) {
    const spec = JSON.parse(readFileSync(SUBSET_PATH, 'utf8')) as OpenApiDocument;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    for (const openApiFormat of ['int32', 'int64', 'float', 'double', 'binary', 'byte', 'password']) {
      ajv.addFormat(openApiFormat, true);
    }
    ajv.addSchema(spec, SPEC_ID);
    loaded = { spec, ajv };
  }
  return loaded;
}

/** The property names Jira documents for a component schema such as `Worklog`, sorted. */
export function documentedProperties(schemaName: string): string[] {
  const schema = load().spec.components.schemas[schemaName];
  if (!schema) throw new Error(`The Jira OpenAPI document has no schema ${schemaName}`);
  return Object.keys(schema.properties ?? {}).sort();
}

function operation(method: string, pathTemplate: string): OperationObject {
  const { spec } = load();
  const op = spec.paths[pathTemplate]?.[method.toLowerCase() as HttpMethod];
  if (!op) throw new Error(`The Jira OpenAPI document has no operation ${method.toUpperCase()} ${pathTemplate}`);
  return op;
}

function pointerTo(...segments: string[]): string {
  return '#/' + segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

function validatorFor(pointer: string): ValidateFunction {
  let validate = compiled.get(pointer);
  if (!validate) {
    validate = load().ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
    compiled.set(pointer, validate);
  }
  return validate;
}

function check(pointer: string, value: unknown, what: string): string[] {
  const validate = validatorFor(pointer);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${what}${e.instancePath || ''} ${e.message ?? 'is invalid'}`);
}

function jsonSchemaPointer(content: MediaTypes['content'], ...prefix: string[]): string | undefined {
  if (!content) return undefined;
  const mediaType = Object.keys(content).find((type) => type.includes('json'));
  return mediaType && content[mediaType]?.schema ? pointerTo(...prefix, 'content', mediaType, 'schema') : undefined;
}

/** Checks a response body against the schema documented for that operation and status. */
export function validateResponse(method: string, pathTemplate: string, status: number, body: unknown): ContractResult {
  const op = operation(method, pathTemplate);
  const documented = op.responses[String(status)];
  if (!documented) {
    return { valid: false, errors: [`status ${status} is not documented for ${method.toUpperCase()} ${pathTemplate}`] };
  }
  const pointer = jsonSchemaPointer(documented.content, 'paths', pathTemplate, method.toLowerCase(), 'responses', String(status));
  const errors = pointer ? check(pointer, body, 'response') : [];
  return { valid: errors.length === 0, errors };
}

export interface RequestParts {
  readonly query?: Record<string, string | readonly string[] | undefined>;
  readonly body?: unknown;
}

/** Checks query parameters (known, required present, values of the documented type) and the JSON body. */
export function validateRequest(method: string, pathTemplate: string, request: RequestParts = {}): ContractResult {
  const op = operation(method, pathTemplate);
  const parameters = (op.parameters ?? []).map((parameter, index) => ({ parameter, index }));
  const queryParameters = parameters.filter(({ parameter }) => parameter.in === 'query');
  const errors: string[] = [];
  const query = request.query ?? {};

  for (const name of Object.keys(query)) {
    if (query[name] !== undefined && !queryParameters.some(({ parameter }) => parameter.name === name)) {
      errors.push(`query parameter "${name}" is not documented`);
    }
  }
  for (const { parameter, index } of queryParameters) {
    const raw = query[parameter.name];
    if (raw === undefined) {
      if (parameter.required) errors.push(`query parameter "${parameter.name}" is required`);
      continue;
    }
    if (!parameter.schema) continue;
    const pointer = pointerTo('paths', pathTemplate, method.toLowerCase(), 'parameters', String(index), 'schema');
    errors.push(...check(pointer, coerceQueryValue(raw, parameter.schema), `query parameter "${parameter.name}"`));
  }

  const bodyPointer = jsonSchemaPointer(op.requestBody?.content, 'paths', pathTemplate, method.toLowerCase(), 'requestBody');
  if (request.body !== undefined) {
    if (!bodyPointer) errors.push('a body was sent but the operation documents none');
    else errors.push(...check(bodyPointer, request.body, 'body'));
  } else if (op.requestBody?.required) {
    errors.push('the operation requires a body');
  }
  return { valid: errors.length === 0, errors };
}

/** Query strings carry text; turn them into the JSON type the parameter's schema documents. */
function coerceQueryValue(raw: string | readonly string[], schema: object): unknown {
  const type = 'type' in schema ? schema.type : undefined;
  if (type === 'array') return typeof raw === 'string' ? raw.split(',') : raw;
  const value = typeof raw === 'string' ? raw : raw[0];
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(String(value)) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}
