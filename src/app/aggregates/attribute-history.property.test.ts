import fc from 'fast-check';
import type { IssueAttributes } from '../../ledger/types';
import { attributeHistoryOf, mergeAttributeHistories, NO_HISTORY, timedAttributesOf, withAttributeChange, withAttributesSeen, type AttributeChange } from './attribute-history';

/** A field's true history: values at distinct instants, from which the changes and the value now follow. */
const fieldHistory = fc.record({
  initial: fc.constantFrom('1', '2', '3'),
  steps: fc.uniqueArray(fc.record({ at: fc.integer({ min: 1, max: 1_000 }), to: fc.constantFrom('1', '2', '3', '4') }), { selector: (step) => step.at, maxLength: 5 }),
});

const issueHistory = fc.record({ priority: fieldHistory, issueType: fieldHistory });

function changesOf(history: { initial: string; steps: readonly { at: number; to: string }[] }, field: AttributeChange['field']): { changes: AttributeChange[]; now: string } {
  const steps = [...history.steps].sort((a, b) => a.at - b.at);
  let from = history.initial;
  const changes = steps.map(({ at, to }) => {
    const change = { field, at, from, to };
    from = to;
    return change;
  });
  return { changes, now: from };
}

describe('an issue attribute history', () => {
  it('is the same whatever order and however often the events arrive, and equal to what the changelog gives', () => {
    fc.assert(
      fc.property(issueHistory, fc.integer({ min: 0, max: 1_000 }), fc.func(fc.integer()), (truth, seed, order) => {
        const priority = changesOf(truth.priority, 'priority');
        const issueType = changesOf(truth.issueType, 'issueType');
        const now: IssueAttributes = { priority: priority.now, issueType: issueType.now };
        const changes = [...priority.changes, ...issueType.changes];
        const fromChangelog = attributeHistoryOf(now, changes);

        // Events: each change (some twice) in a shuffled order, the values seen on some of them, split over two stored values.
        const deliveries = [...changes, ...changes.filter((_, index) => (index + seed) % 3 === 0)].sort((a, b) => order(a.at, a.field) - order(b.at, b.field));
        const cut = deliveries.length === 0 ? 0 : seed % deliveries.length;
        const first = deliveries.slice(0, cut).reduce(withAttributeChange, withAttributesSeen(NO_HISTORY, now));
        const second = deliveries.slice(cut).reduce(withAttributeChange, NO_HISTORY);
        expect(timedAttributesOf(mergeAttributeHistories(first, second))).toEqual(timedAttributesOf(fromChangelog));
        expect(timedAttributesOf(mergeAttributeHistories(second, first))).toEqual(timedAttributesOf(fromChangelog));
      }),
    );
  });

  it('says at any instant the value that held then', () => {
    fc.assert(
      fc.property(issueHistory, fc.integer({ min: 0, max: 1_100 }), (truth, instant) => {
        const priority = changesOf(truth.priority, 'priority');
        const timed = timedAttributesOf(attributeHistoryOf({ priority: priority.now }, priority.changes));
        const inForce = [...timed].reverse().find((entry) => entry.since <= instant);
        const expected = [...priority.changes].reverse().find((change) => change.at <= instant)?.to ?? truth.priority.initial;
        expect(inForce?.priority).toBe(expected);
      }),
    );
  });
});

describe('timedAttributesOf', () => {
  it('starts at the epoch with the values before any change, then one entry at each change, leaving out empty values', () => {
    const changes: AttributeChange[] = [
      { field: 'priority', at: 5_000, from: '3', to: '1' },
      { field: 'requestType', at: 9_000, from: null, to: '2' },
      { field: 'priority', at: 9_000, from: '1', to: '2' },
    ];
    const history = changes.reduce(withAttributeChange, withAttributesSeen(NO_HISTORY, { issueType: '10003' }));
    expect(timedAttributesOf(history)).toEqual([
      { since: 0, priority: '3', issueType: '10003' },
      { since: 5_000, priority: '1', issueType: '10003' },
      { since: 9_000, priority: '2', issueType: '10003', requestType: '2' },
    ]);
  });

  it('is empty when nothing is known, and a value seen never overrides a known change', () => {
    expect(timedAttributesOf(NO_HISTORY)).toEqual([]);
    const changed = withAttributeChange(NO_HISTORY, { field: 'priority', at: 10, from: '3', to: '1' });
    expect(withAttributesSeen(changed, { priority: '5' })).toEqual(changed);
  });
});
