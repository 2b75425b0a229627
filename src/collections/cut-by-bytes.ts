/**
 * `items`, in order, cut into runs whose measured sizes add up to at most `maxBytes`; a run holds at least one item,
 * so an item larger than `maxBytes` is a run of its own. `measurer` gives a fresh measure at the start of each run:
 * an item may cost less once its run holds another like it (a shared table entry written once per run).
 *
 * @example cutByBytes(['aa', 'bb', 'c'], 4, () => (text) => text.length) // [['aa', 'bb'], ['c']]
 */
export function cutByBytes<Item>(items: readonly Item[], maxBytes: number, measurer: () => (item: Item) => number): Item[][] {
  const runs: Item[][] = [];
  let run: Item[] = [];
  let bytes = 0;
  let measure = measurer();
  for (const item of items) {
    let size = measure(item);
    if (run.length > 0 && bytes + size > maxBytes) {
      runs.push(run);
      run = [];
      bytes = 0;
      measure = measurer();
      size = measure(item);
    }
    run.push(item);
    bytes += size;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
