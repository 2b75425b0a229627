/**
 * Every surface at a phone's width (320 px), a tablet's (768 px) and a desktop's (1280 px), light and dark: the frame is
 * no wider than the window, its document never scrolls sideways (a table wider than the frame scrolls inside its own
 * box instead), and axe-core finds no serious or critical violation in the light theme at the phone's and the
 * tablet's width (layout: regions that scroll, reflow). preview.browser.test.ts runs axe-core on every surface at a
 * desktop's width (1400 px) in both themes; the dark theme changes colours only, so contrast is all it adds. Each theme loads once and the window is
 * resized through the widths, as a user turns a tablet or narrows a window: the light theme from the narrowest width
 * up, the dark one from the widest down, so that a surface drawn first at either end is checked too (each page load
 * and axe run costs a second or so of Chromium's CPU, decision 0071). `npm run screenshots` photographs each for the guides.
 * Two test files (responsive-*.browser.test.ts) share the surfaces out, so that the browser tier runs them side by side.
 */
import type { FrameLocator, Locator } from 'playwright-core';
import * as z from 'zod';
import { axeViolations } from './axe';
import { frameSelector, type SurfaceKey, surfaceFrame, surfaceFrameHandle } from './frames';
import { putIssueOnPlan } from './issue-panel';
import { photograph } from './photograph';
import { usePreviewInChromium } from './preview-in-chromium';

/** The widths from the narrowest, as the light theme is checked; the dark one goes through them from the widest. */
const WIDTHS = [320, 768, 1280] as const;
const WIDTHS_OF_THEME = { light: WIDTHS, dark: [...WIDTHS].reverse() } as const;
const THEMES = ['light', 'dark'] as const;
/** The widths axe-core checks in the light theme here; the desktop's is preview.browser.test.ts's. */
const AXE_WIDTHS: readonly number[] = [320, 768];
/** Whether the frame's document is no wider than its window. */
const FITS_ITS_WINDOW = 'document.documentElement.scrollWidth <= document.documentElement.clientWidth';
/** How wide the frame's document is, and how wide its window. */
const widthsSchema = z.object({ scrollWidth: z.number(), clientWidth: z.number() });

interface SurfaceView {
  readonly surface: SurfaceKey;
  readonly view: string;
  readonly user: string;
  /** What shows once the surface has drawn what it is photographed with: its widest content where it has tables. */
  readonly ready: (frame: FrameLocator) => Locator;
}

/** The demo's 300-hour plan, which the panel's issue is put on and the gadget is set to show. */
const DEMO_PLAN = { id: 'acme-contract', name: 'Acme Corp — 300 h/month support contract' } as const;
const PANEL_ISSUE = 'SUP-2';

const SURFACE_VIEWS: readonly SurfaceView[] = [
  { surface: 'issuePanel', view: 'issue', user: 'agent-us', ready: (frame) => frame.getByTestId('remaining').first() },
  { surface: 'gadget', view: 'dashboard', user: 'manager', ready: (frame) => frame.getByTestId('remaining').first() },
  { surface: 'projectPage', view: 'project', user: 'manager', ready: (frame) => frame.getByRole('table', { name: 'Worklog lines' }) },
  { surface: 'projectSettings', view: 'settings', user: 'admin', ready: (frame) => frame.getByRole('table', { name: 'Support plans of this project' }) },
];

/** The checks of these surfaces, on a preview of the calling file's own whose gadget shows the demo's plan and whose panel's issue is on it. */
export function describeResponsive(surfaces: readonly SurfaceKey[]): void {
  jest.setTimeout(300_000);
  const preview = usePreviewInChromium({ viewport: { width: WIDTHS[0], height: 900 } });

  beforeAll(async () => {
    // The dashboard's gadget starts unconfigured: the manager picks the plan it shows.
    await preview.open({ view: 'dashboard', user: 'manager' });
    const edit = surfaceFrame(preview.page, 'gadget');
    await edit.getByLabel('Project', { exact: true }).locator('option').nth(1).waitFor({ state: 'attached', timeout: 60_000 });
    await edit.getByLabel('Project', { exact: true }).selectOption('SUP');
    await edit.getByLabel('Support plan').selectOption({ label: DEMO_PLAN.name });
    await edit.getByRole('button', { name: 'Save' }).click();
    await preview.open({ view: 'issue', user: 'agent-us', issue: PANEL_ISSUE });
    await putIssueOnPlan(surfaceFrame(preview.page, 'issuePanel'), DEMO_PLAN.id);
  });

  describe.each(SURFACE_VIEWS.filter((view) => surfaces.includes(view.surface)))('the $surface', ({ surface, view, user, ready }) => {
    it.each(THEMES)('fits 320, 768 and 1280 px windows without scrolling sideways in the %s theme, and axe-core finds nothing serious in the light one at 320 and 768 px', async (theme) => {
      const widths = WIDTHS_OF_THEME[theme];
      await preview.page.setViewportSize({ width: widths[0], height: 900 });
      await preview.open({ view, user, theme, issue: PANEL_ISSUE });
      for (const width of widths) {
        await preview.page.setViewportSize({ width, height: 900 });
        await ready(surfaceFrame(preview.page, surface)).waitFor({ state: 'visible', timeout: 60_000 });
        const frameBox = await preview.page.locator(frameSelector(surface)).boundingBox();
        expect(frameBox?.width).toBeLessThanOrEqual(width);
        const frame = await surfaceFrameHandle(preview.page, surface);
        // The frame's document lays itself out again once the window has changed: give it a moment before measuring.
        await frame.waitForFunction(FITS_ITS_WINDOW, undefined, { timeout: 5_000 }).catch(() => undefined);
        const { scrollWidth, clientWidth } = widthsSchema.parse(
          await frame.evaluate('({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })'),
        );
        expect({ width, scrollWidth }).toEqual({ width, scrollWidth: Math.min(scrollWidth, clientWidth) });
        if (theme === 'light' && AXE_WIDTHS.includes(width)) {
          const severe = (await axeViolations(frame)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
          expect({ width, severe: severe.map((violation) => violation.id) }).toEqual({ width, severe: [] });
        }
        await photograph(preview.page.locator(frameSelector(surface)), `${surface}-${width}-${theme}`);
      }
    });
  });
}
