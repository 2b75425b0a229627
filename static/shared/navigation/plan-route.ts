/**
 * The project page's address inside Jira names the plan it shows in depth: `/plan/<plan id>` after the page's own
 * URL. The issue panel sends the user there with `router.navigate` (a module target with a `path`); the project page
 * reads it from `view.createHistory()` and writes it back when the user picks another plan, so the address can be
 * shared and the browser's Back button returns to the plan shown before.
 */

const PLAN_PATH = /^\/plan\/([^/]+)\/?$/;

export function planPath(planId: string): string {
  return `/plan/${encodeURIComponent(planId)}`;
}

/** The plan id an address names, or null for any other address (the page's root, a malformed escape). */
export function planIdOfPath(pathname: string): string | null {
  const match = PLAN_PATH.exec(pathname);
  if (match?.[1] === undefined) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
