/**
 * Every surface at a phone's width (320 px), a tablet's (768 px) and a desktop's (1280 px), light and dark: the frame is
 * no wider than the window, its document never scrolls sideways (a table wider than the frame scrolls inside its own
 * box instead), and axe-core finds no serious or critical violation in the light theme at every width (layout: regions
 * that scroll, reflow) and in the dark one at the desktop's, where every column is in view (the theme changes colours
 * only, so contrast is what it adds; each axe run costs a second or two of Chromium's CPU). Each is photographed:
 * `npm run screenshots` writes the pictures the guides show to docs/screenshots.
 * Two test files (responsive-*.browser.test.ts) share the surfaces out, so that the browser tier runs them side by side.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import * as z from 'zod';
import { axeViolations } from './axe';
import { frameSelector, type SurfaceKey, surfaceFrame, surfaceFrameHandle } from './frames';
import { putIssueOnPlan } from './issue-panel';
import { usePreviewInChromium } from './preview-in-chromium';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
const SCREENSHOTS = path.resolve(PROJECT_ROOT, process.env.SCREENSHOTS_DIR ?? path.join('build', 'screenshots'));
const WIDTHS = [320, 768, 1280] as const;
const THEMES = ['light', 'dark'] as const;
/** The width at which the dark theme is checked by axe-core too. */
const DARK_AXE_WIDTH = 1280;
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
    await mkdir(SCREENSHOTS, { recursive: true });
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
    it.each(WIDTHS)('fits a %i px window without scrolling sideways, light and dark, with no serious axe finding', async (width) => {
      const axeThemes: readonly string[] = width === DARK_AXE_WIDTH ? THEMES : ['light'];
      await preview.page.setViewportSize({ width, height: 900 });
      for (const theme of THEMES) {
        await preview.open({ view, user, theme, issue: PANEL_ISSUE });
        await ready(surfaceFrame(preview.page, surface)).waitFor({ state: 'visible', timeout: 60_000 });
        const frameBox = await preview.page.locator(frameSelector(surface)).boundingBox();
        expect(frameBox?.width).toBeLessThanOrEqual(width);
        const frame = await surfaceFrameHandle(preview.page, surface);
        const { scrollWidth, clientWidth } = widthsSchema.parse(
          await frame.evaluate('({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })'),
        );
        expect({ theme, scrollWidth }).toEqual({ theme, scrollWidth: Math.min(scrollWidth, clientWidth) });
        if (axeThemes.includes(theme)) {
          const severe = (await axeViolations(frame)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
          expect({ theme, severe: severe.map((violation) => violation.id) }).toEqual({ theme, severe: [] });
        }
        await preview.page.locator(frameSelector(surface)).screenshot({ path: path.join(SCREENSHOTS, `${surface}-${width}-${theme}.png`) });
      }
    });
  });
}
