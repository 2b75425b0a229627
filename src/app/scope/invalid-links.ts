/**
 * Issues whose `support-plan` property names a plan their project does not have: they count
 * for nothing, and are kept here for the project's admins to repair. One bounded record per
 * project (`invalid-links:<projectId>`): at most {@link MAX_INVALID_LINKS} issues, the oldest
 * dropped first, so made-up plan ids cost one small value per project, never one per id.
 */
import { invalidLinksSchema, type InvalidLinks } from '../../contract';
import type { Store } from '../ports/store';
import { toJsonValue } from '../plans/to-json-value';

export const MAX_INVALID_LINKS = 50;

export const invalidLinksKey = (projectId: string): string => `invalid-links:${projectId}`;

const NONE: InvalidLinks = { links: [], dropped: 0 };

export interface InvalidLinkSighting {
  readonly issueId: string;
  readonly issueKey: string;
  readonly planId: string;
}

export async function loadInvalidLinks(store: Store, projectId: string): Promise<InvalidLinks> {
  const value = await store.get(invalidLinksKey(projectId));
  return value === undefined ? NONE : invalidLinksSchema.parse(value);
}

/** Notes the issue's invalid link; the same issue naming the same plan again writes nothing. */
export async function recordInvalidLink(store: Store, projectId: string, sighting: InvalidLinkSighting, now: number): Promise<void> {
  await store.update(invalidLinksKey(projectId), (current) => {
    const record = current === undefined ? NONE : invalidLinksSchema.parse(current);
    const known = record.links.find((link) => link.issueId === sighting.issueId);
    if (known?.planId === sighting.planId && known.issueKey === sighting.issueKey) return current;
    const others = record.links.filter((link) => link.issueId !== sighting.issueId);
    const links = [...others, { ...sighting, seenAt: now }];
    const overflow = Math.max(0, links.length - MAX_INVALID_LINKS);
    return toJsonValue({ links: links.slice(overflow), dropped: record.dropped + overflow });
  });
}

/** The issue's link is valid (or gone) now: it leaves the list. Costs one read when it was not listed. */
export async function forgetInvalidLink(store: Store, projectId: string, issueId: string): Promise<void> {
  await store.update(invalidLinksKey(projectId), (current) => {
    if (current === undefined) return current;
    const record = invalidLinksSchema.parse(current);
    const links = record.links.filter((link) => link.issueId !== issueId);
    return links.length === record.links.length ? current : toJsonValue({ ...record, links });
  });
}
