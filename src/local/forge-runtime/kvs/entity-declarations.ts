/** The custom entities of the manifest (`app.storage.entities`), and the checks KVS makes of an entity's value. */
import type { JsonValue } from '../../../app/ports/store';
import { EMULATION_ASSUMPTIONS } from '../../../adapters/storage/kvs-undocumented';
import { DOCUMENTED_REFUSALS, KvsRefusal } from './kvs-refusal';

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/** An index as the manifest declares it: by name with partition and range attributes, or one attribute by its name. */
export type IndexDeclaration = string | { readonly name: string; readonly partition?: readonly string[]; readonly range?: readonly string[] };

export interface EntityDeclaration {
  readonly name: string;
  readonly attributes: Readonly<Record<string, { readonly type: AttributeType }>>;
  readonly indexes: readonly IndexDeclaration[];
}

export interface EntityIndexShape {
  readonly name: string;
  readonly partition: readonly string[];
  readonly range: string;
}

export function indexShape(index: IndexDeclaration): EntityIndexShape {
  if (typeof index === 'string') return { name: index, partition: [], range: index };
  const [range, ...more] = index.range ?? [];
  if (range === undefined || more.length > 0) throw new Error(`Index ${index.name} must have one range attribute.`);
  return { name: index.name, partition: index.partition ?? [], range };
}

export function declarationOf(entities: ReadonlyMap<string, EntityDeclaration>, entityName: string): EntityDeclaration {
  const declared = entities.get(entityName);
  if (declared === undefined) throw new KvsRefusal(EMULATION_ASSUMPTIONS.undeclaredEntity, `The manifest declares no entity "${entityName}".`);
  return declared;
}

const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };

function hasType(value: JsonValue, type: AttributeType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value) && typeof value === 'number' && value >= INT32.min && value <= INT32.max;
    case 'float':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'any':
      return true;
  }
}

/** Refuses a value with an attribute the entity does not declare, or of another type than declared. */
export function assertEntityValue(declaration: EntityDeclaration, key: string, value: Readonly<Record<string, JsonValue>>): void {
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const declared = declaration.attributes[attribute];
    if (declared === undefined) {
      throw new KvsRefusal(EMULATION_ASSUMPTIONS.undeclaredAttribute, `Entity ${declaration.name} declares no attribute "${attribute}" (key "${key}").`);
    }
    if (!hasType(attributeValue, declared.type)) {
      throw new KvsRefusal(DOCUMENTED_REFUSALS.invalidEntityValue, `Attribute "${attribute}" of ${declaration.name} "${key}" must be of type ${declared.type}.`);
    }
  }
}
