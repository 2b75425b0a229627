/**
 * The first index of `sorted` whose item meets `reached`, or `sorted.length` if none does, by binary search.
 * `reached` must be monotone along the order: false for a prefix of the items, then true for the rest.
 *
 * @example firstIndexWhere([1, 3, 5, 7], (n) => n >= 4) // 2
 */
export function firstIndexWhere<T>(sorted: readonly T[], reached: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(sorted[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}
