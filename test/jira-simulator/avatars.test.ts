/**
 * The simulator's avatars: generated initials on a coloured disc, as `data:` URIs in Jira's four sizes, drawn once
 * per person and name (every worklog it serves carries its author's).
 */
import { avatarUrlsOf } from '../../src/jira-simulator/avatars';
import { ADMIN } from './site';

const svgOf = (url: string): string => Buffer.from(url.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');

describe('avatarUrlsOf', () => {
  it("draws a person's initials in four sizes, the same addresses every time, and new ones once the name changes", () => {
    const grace = { ...ADMIN, accountId: 'acc-grace', displayName: 'Grace Hopper' };
    const urls = avatarUrlsOf(grace);
    expect(Object.keys(urls)).toEqual(['16x16', '24x24', '32x32', '48x48']);
    expect(svgOf(urls['48x48'])).toMatch(/width="48".*>GH<\/text>/);
    expect(avatarUrlsOf({ ...grace })).toBe(urls);

    const renamed = avatarUrlsOf({ ...grace, displayName: 'Amazing Grace' });
    expect(svgOf(renamed['16x16'])).toMatch(/width="16".*>AG<\/text>/);
    expect(avatarUrlsOf(grace)).toBe(urls);
  });

  it('keeps markup in a name out of the drawing', () => {
    const svg = svgOf(avatarUrlsOf({ ...ADMIN, accountId: 'acc-markup', displayName: '<b> &c' })['32x32']);
    expect(svg).toContain('>&#60;&#38;</text>');
  });
});
