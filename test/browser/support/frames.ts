import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';

export const MODULE_KEYS = {
  issuePanel: 'support-hours-issue-panel',
  projectPage: 'support-hours-project-page',
  projectSettings: 'support-hours-project-settings',
  gadget: 'support-hours-gadget',
  portalRequest: 'support-hours-portal-request',
  portalFooter: 'support-hours-portal-footer',
} as const;

export type SurfaceKey = keyof typeof MODULE_KEYS;

export function frameSelector(surface: SurfaceKey): string {
  return `iframe[data-module-key="${MODULE_KEYS[surface]}"]`;
}

export function surfaceFrame(page: Page, surface: SurfaceKey): FrameLocator {
  return page.frameLocator(frameSelector(surface));
}

/** The frame itself, for evaluating scripts in it (axe). */
export async function surfaceFrameHandle(page: Page, surface: SurfaceKey): Promise<Frame> {
  const element = await page.locator(frameSelector(surface)).elementHandle();
  const frame = await element.contentFrame();
  if (frame === null) throw new Error(`No ${surface} frame on the page`);
  return frame;
}

/** Waits until the locator's text is exactly `expected` (whitespace collapsed), failing with the last text seen. */
export async function waitForText(locator: Locator, expected: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen: string | null = null;
  while (Date.now() < deadline) {
    seen = (await locator.first().textContent({ timeout: 1_000 }).catch(() => null))?.replace(/\s+/g, ' ').trim() ?? null;
    if (seen === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Expected "${expected}", last saw ${JSON.stringify(seen)}`);
}

/** Whether the keyboard is on the element (its frame's active element). */
export async function isFocused(locator: Locator): Promise<boolean> {
  // Typed by shape: this (Node) side has no DOM types.
  return locator.evaluate((element: { readonly ownerDocument: { readonly activeElement: unknown } }) => element === element.ownerDocument.activeElement);
}
