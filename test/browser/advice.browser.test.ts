/**
 * Plan-fit advice on the project page in Debian's Chromium: a manager opens the demo contract's details, edits the
 * Advice form down to one candidate, compares, and reads the headline and the side-by-side table, the cheapest
 * column named; the figures are the resolver's, the view passes axe, and `SCREENSHOTS_DIR` gets a picture of it.
 */
import { formatMoney } from '../../src/quantities';
import { DEMO_PLAN_IDS } from '../../src/jira-simulator/demo/plans';
import { axeViolations } from './support/axe';
import { surfaceFrame, surfaceFrameHandle, waitForText } from './support/frames';
import { invokeAs } from './support/invoke';
import { photograph } from './support/photograph';
import { usePreviewInChromium } from './support/preview-in-chromium';

jest.setTimeout(180_000);

const PLAN_NAME = 'Acme Corp — 300 h/month support contract';
const CANDIDATE = { name: 'Browser 350 h', terms: { kind: 'buckets', allowance: { includedSeconds: 350 * 3600, fixedFeeMinor: 2_800_000 } } } as const;

const preview = usePreviewInChromium({ viewport: { width: 1400, height: 1600 } });

describe('plan-fit advice in a real browser', () => {
  it('compares a candidate with what was paid, side by side, the cheapest named, accessible', async () => {
    await preview.open({ view: 'project', user: 'manager' });
    const project = surfaceFrame(preview.page, 'projectPage');
    await project.getByRole('article', { name: PLAN_NAME }).getByRole('button', { name: 'Show details' }).click();
    const advice = project.getByRole('region', { name: 'Plan-fit advice' });
    await advice.waitFor({ timeout: 30_000 });

    // The form opens with three candidates; keep the first and make it 350 h at 28,000.00 without rollover.
    for (const name of ['Blocks of 20 h', '310 h a period']) await advice.getByRole('button', { name: `Remove ${name}` }).click();
    const first = advice.getByRole('group', { name: 'Candidate 1' });
    await first.getByLabel('Name').fill(CANDIDATE.name);
    await first.getByLabel('Included hours a period').fill('350');
    await first.getByLabel('Fixed fee a period').fill('28000');
    await first.getByLabel('Unused hours roll over (one period)').uncheck();
    await advice.getByRole('button', { name: 'Compare' }).click();

    const answer = await invokeAs(preview.url, 'demo-manager', 'usage/advice', { planId: DEMO_PLAN_IDS.contract, periods: 12, candidates: [CANDIDATE] }, 'projectPage');
    if (!answer.ok) throw new Error(answer.error.message);
    const [candidate] = answer.data.candidates;
    if (candidate === undefined) throw new Error('one candidate was asked for');
    expect(answer.data.periods.length).toBeGreaterThan(1);

    const table = advice.getByRole('table', { name: /What each candidate would have cost/ });
    await table.waitFor({ timeout: 30_000 });
    const locale = (await project.locator('html').getAttribute('lang')) ?? 'en-US';
    const money = (minor: number) => formatMoney(minor, answer.data.currency, locale);
    const totals = await table.locator('tbody tr').filter({ has: project.getByRole('rowheader', { name: 'Total' }) }).locator('td').allTextContents();
    expect(totals).toEqual([money(answer.data.paid.totalMinor), money(candidate.totalMinor)]);
    expect(await table.locator('tbody tr').count()).toBe(answer.data.periods.length + 3);
    await waitForText(table.locator('thead th[data-cheapest]'), `${CANDIDATE.name} (cheapest)`);
    const direction = candidate.differenceMinor < 0 ? 'less' : candidate.differenceMinor > 0 ? 'more' : 'the same';
    const headline = ((await advice.locator('.sh-advice-headline').textContent()) ?? '').trim();
    expect(headline.startsWith(`With ${CANDIDATE.name} you would have paid `)).toBe(true);
    expect(headline).toContain(direction === 'the same' ? 'the same' : `${money(Math.abs(candidate.differenceMinor))} ${direction}`);
    expect(headline).toContain(`over ${answer.data.periods.length} months`);

    const severe = (await axeViolations(await surfaceFrameHandle(preview.page, 'projectPage'))).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe).toEqual([]);
    await photograph(advice, 'projectPage-advice');
  });
});
