import type { Frame, Page } from 'playwright-core';
import * as z from 'zod';

/** Where the keyboard landed after one Tab: which of the frame's tab stops (by document order), and how it looked. */
const stopSchema = z.object({
  /** The element's place among the frame's tab stops in document order; -1 when focus is outside them (left the frame). */
  order: z.number(),
  description: z.string(),
  /** An outline or a ring is drawn while it has the keyboard. */
  visiblyFocused: z.boolean(),
});
export type FocusStop = z.infer<typeof stopSchema>;

export interface KeyboardWalk {
  /** Every tab stop of the frame (visible, enabled, tabindex ≥ 0), in document order. */
  readonly stops: readonly string[];
  /** Where each Tab landed, from the first stop until the keyboard left the frame. */
  readonly visited: readonly FocusStop[];
  /** Elements with a positive tabindex: they break the document's own order. */
  readonly positiveTabIndex: number;
}

// Evaluated in the frame as source text: this (Node) side has no DOM types.
const MARK_STOPS = `(() => {
  const candidates = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')];
  const visible = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const stops = candidates.filter((element) => element.tabIndex >= 0 && !element.disabled && visible(element) && !element.closest('[inert]'));
  stops.forEach((element, index) => element.setAttribute('data-walk-order', String(index)));
  const describe = (element) => element.tagName.toLowerCase() + ' "' + ((element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\\s+/g, ' ').slice(0, 60)) + '"';
  window.__describeStop = describe;
  return { stops: stops.map(describe), positiveTabIndex: candidates.filter((element) => element.tabIndex > 0).length };
})()`;

const FIRST_STOP = `document.querySelector('[data-walk-order="0"]').focus()`;

/** No part of the surface still shows its "Loading …" status (LoadableView): a part that loads later adds tab stops the walk did not mark. */
const NOTHING_LOADING = `![...document.querySelectorAll('[role="status"]')].some((element) => /^\\s*Loading /.test(element.textContent ?? ''))`;

const WHERE_FOCUS_IS = `(() => {
  const element = document.activeElement;
  if (!document.hasFocus() || element === null || element === document.body || !element.hasAttribute('data-walk-order')) {
    return { order: -1, description: element === null ? 'nothing' : element.tagName.toLowerCase(), visiblyFocused: false };
  }
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const ring = style.boxShadow !== 'none';
  return { order: Number(element.getAttribute('data-walk-order')), description: window.__describeStop(element), visiblyFocused: element.matches(':focus-visible') && (outline || ring) };
})()`;

/**
 * Tabs through a surface's frame as a keyboard user does, once every part of it has loaded, from its first tab stop
 * until the keyboard leaves the frame (or `maxSteps`), recording where each Tab lands.
 */
export async function walkWithTab(page: Page, frame: Frame, maxSteps = 300): Promise<KeyboardWalk> {
  await frame.waitForFunction(NOTHING_LOADING, undefined, { timeout: 30_000 });
  const marked = z.object({ stops: z.array(z.string()), positiveTabIndex: z.number() }).parse(await frame.evaluate(MARK_STOPS));
  await frame.evaluate(FIRST_STOP);
  // Focused by script, the first stop shows no focus ring after a click; a Tab there and back is keyboard focus like the rest.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const visited: FocusStop[] = [];
  for (let step = 0; step < maxSteps; step++) {
    const stop = stopSchema.parse(await frame.evaluate(WHERE_FOCUS_IS));
    if (stop.order === -1) break;
    visited.push(stop);
    await page.keyboard.press('Tab');
  }
  return { stops: marked.stops, visited, positiveTabIndex: marked.positiveTabIndex };
}
