/** Forge's `WhereConditions` and `FilterConditions`, evaluated on an entity's attribute values. */
import type { JsonValue } from '../../../app/ports/store';
import { conditionHoldsForMissingItem, withinBetweenUpperBound } from '../../../adapters/storage/kvs-undocumented';
import type { AttributeCondition, Condition, Filter } from './kvs-wire';

export type Attributes = Readonly<Record<string, JsonValue>>;

const rank = (value: JsonValue | undefined) => (typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2);

/** Orders index values: numbers before strings before anything else (which only equality can match). */
export function compareValues(left: JsonValue | undefined, right: JsonValue | undefined): number {
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  const byRank = rank(left) - rank(right);
  if (byRank !== 0) return byRank;
  const leftText = left === undefined ? '' : JSON.stringify(left);
  const rightText = right === undefined ? '' : JSON.stringify(right);
  return leftText < rightText ? -1 : leftText > rightText ? 1 : 0;
}

const comparable = (left: JsonValue | undefined, right: JsonValue | undefined) =>
  (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');

/** Whether an attribute's value (undefined: the attribute is absent) meets the condition. */
export function conditionHolds({ condition, values }: Condition, actual: JsonValue | undefined): boolean {
  const [first, second] = values;
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual !== undefined && compareValues(actual, first) === 0;
    case 'NOT_EQUAL_TO':
      return actual !== undefined && compareValues(actual, first) !== 0;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return actual !== undefined && !contains(actual, first);
    case 'GREATER_THAN':
      return comparable(actual, first) && compareValues(actual, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return comparable(actual, first) && compareValues(actual, first) >= 0;
    case 'LESS_THAN':
      return comparable(actual, first) && compareValues(actual, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return comparable(actual, first) && compareValues(actual, first) <= 0;
    case 'BETWEEN':
      return comparable(actual, first) && comparable(actual, second) && compareValues(actual, first) >= 0 && withinBetweenUpperBound(compareValues(actual, second));
  }
}

function contains(actual: JsonValue | undefined, part: JsonValue | undefined): boolean {
  if (typeof actual === 'string') return typeof part === 'string' && actual.includes(part);
  return Array.isArray(actual) && actual.some((item: JsonValue) => compareValues(item, part) === 0);
}

/** A transaction's conditions on one item; `undefined` attributes: the item does not exist. */
export function filterHolds(filter: Filter, item: Attributes | undefined): boolean {
  const test = ({ property, ...condition }: AttributeCondition) =>
    item === undefined ? conditionHoldsForMissingItem(condition.condition) : conditionHolds(condition, item[property]);
  return 'and' in filter ? filter.and.every(test) : filter.or.some(test);
}
