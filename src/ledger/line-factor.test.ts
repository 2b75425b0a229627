import { lineFactor } from './line-factor';

const segment = (factorPermille: number, rule?: string) => ({ started: 0, rawSeconds: 60, roundedSeconds: 60, factorPermille, chargedSeconds: 60, ...(rule === undefined ? {} : { rule }) });

describe('lineFactor', () => {
  it('is ×1 for billable work without segments and nothing for non-billable work', () => {
    expect(lineFactor({ billingClass: 'extra' })).toEqual({ factorPermille: 1000 });
    expect(lineFactor({ billingClass: 'non-billable' })).toBeNull();
  });

  it('is the one segment\'s factor and rule, and nothing for several segments', () => {
    expect(lineFactor({ billingClass: 'covered', segments: [segment(1500, 'After hours')] })).toEqual({ factorPermille: 1500, rule: 'After hours' });
    expect(lineFactor({ billingClass: 'covered', segments: [segment(1000), segment(1500, 'After hours')] })).toBeNull();
  });
});
