import { LedgerInputError } from './errors';
import { indexLinks } from './link-index';
import { buildLink } from './test-builders';

describe('indexLinks', () => {
  it('keeps only links to the plan', () => {
    const links = [buildLink({ issueId: '1' }), buildLink({ issueId: '2', planId: 'other' })];
    expect([...indexLinks(links, 'gold').keys()]).toEqual(['1']);
  });

  it('accepts a repeated link with the same class, preferring the one with a key', () => {
    const links = [buildLink({ issueId: '1' }), buildLink({ issueId: '1', issueKey: 'SUP-1' })];
    expect(indexLinks(links, 'gold').get('1')?.issueKey).toBe('SUP-1');
  });

  it('refuses one issue linked to the plan with two classes', () => {
    const links = [buildLink({ issueId: '1' }), buildLink({ issueId: '1', billingClass: 'extra' })];
    expect(() => indexLinks(links, 'gold')).toThrow(LedgerInputError);
    expect(() => indexLinks(links, 'gold')).toThrow('links[1].billingClass: issue 1 is linked to plan gold as both covered and extra');
  });
});
