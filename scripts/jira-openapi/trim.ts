import { isObject, member, type Json, type JsonObject } from './json';

/** One operation of the API, e.g. `{ method: 'GET', path: '/rest/api/3/myself' }`. */
export interface Operation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
}

/** Keywords that only explain or annotate (prose, examples, grouping, auth scopes, XML names): never structure. */
const ANNOTATIONS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'tags', 'xml', 'security']);
/** Keywords whose value maps names (properties, status codes, media types, …) to structures: a name is kept whatever it is. */
const NAME_MAPS = new Set(['paths', 'schemas', 'properties', 'patternProperties', 'responses', 'content', 'headers', 'encoding', 'parameters', 'requestBodies', 'links', 'callbacks', 'mapping']);
/** Keywords whose value is instance data, copied as it is. */
const DATA = new Set(['default', 'enum']);

/** The structure of an OpenAPI value: annotations and vendor extensions (`x-…`) dropped, at every depth. */
function structure(value: Json): Json {
  if (Array.isArray(value)) return value.map(structure);
  if (!isObject(value)) return value;
  const kept: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (DATA.has(key)) kept[key] = child;
    else if (key === 'responses' && isObject(child)) kept[key] = responses(child);
    else if (NAME_MAPS.has(key) && isObject(child)) kept[key] = nameMap(child);
    else kept[key] = structure(child);
  }
  return kept;
}

function nameMap(map: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(map).map(([name, child]) => [name, structure(child)]));
}

/** OpenAPI 3.0 requires a response's `description`; an empty one keeps the subset a valid document without the prose. */
function responses(map: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(map).map(([status, response]) => [status, isObject(response) ? { ...nameMap(response), description: '' } : response]),
  );
}

/** Every `#/components/…` reference inside a value: `$ref`s and discriminator mappings. */
function references(value: Json): string[] {
  if (Array.isArray(value)) return value.flatMap(references);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' ? (key === '$ref' || child.startsWith('#/components/') ? [child] : []) : references(child),
  );
}

function componentOf(reference: string): { kind: string; name: string } {
  const segments = reference.replace(/^#\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [root, kind, name] = segments;
  if (!reference.startsWith('#/') || root !== 'components' || kind === undefined || name === undefined || segments.length !== 3) {
    throw new Error(`Unsupported reference ${reference}: only #/components/<kind>/<name> is followed`);
  }
  return { kind, name };
}

export interface TrimmedDocument {
  readonly paths: JsonObject;
  readonly components: JsonObject;
}

/**
 * The given operations of an OpenAPI document, with every component they reference directly or
 * through other components, and nothing that only explains.
 */
export function trimToOperations(source: JsonObject, operations: readonly Operation[]): TrimmedDocument {
  const pathItems = new Map<string, JsonObject>();
  for (const { method, path } of operations) {
    const item = member(source.paths, path);
    const operation = member(item, method.toLowerCase());
    if (operation === undefined) throw new Error(`The source document has no operation ${method} ${path}`);
    const kept = pathItems.get(path) ?? (isObject(item) && item.parameters !== undefined ? { parameters: item.parameters } : {});
    pathItems.set(path, { ...kept, [method.toLowerCase()]: operation });
  }
  const paths = nameMap(Object.fromEntries(pathItems));

  const components: Record<string, JsonObject> = {};
  const pending = references(paths);
  for (let reference = pending.pop(); reference !== undefined; reference = pending.pop()) {
    const { kind, name } = componentOf(reference);
    if (components[kind]?.[name] !== undefined) continue;
    const target = member(member(source.components, kind), name);
    if (target === undefined) throw new Error(`The source document has no component for ${reference}`);
    const trimmed = structure(target);
    (components[kind] ??= {})[name] = trimmed;
    pending.push(...references(trimmed));
  }
  return { paths, components };
}
