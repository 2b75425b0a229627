import type { ColorMode } from '../bridge-protocol';

export const VIEWS = ['issue', 'project', 'settings', 'dashboard', 'portal'] as const;
export type HostView = (typeof VIEWS)[number];

/** What the host page shows, kept in its URL so a test or a bookmark opens it directly. */
export interface HostState {
  readonly view: HostView;
  readonly user: string;
  readonly issue: string | null;
  /** The customer portal's request page open (its key); null: the Help Center. */
  readonly request: string | null;
  readonly theme: ColorMode;
  /** The project page's own address (`view.createHistory()`), e.g. `/plan/acme-gold`. */
  readonly path: string;
}

export function readHostState(search: string, defaultUser: string): HostState {
  const params = new URLSearchParams(search);
  const view = VIEWS.find((candidate) => candidate === params.get('view')) ?? 'issue';
  return { view, user: params.get('user') ?? defaultUser, issue: params.get('issue'), request: params.get('request'), theme: params.get('theme') === 'dark' ? 'dark' : 'light', path: params.get('path') ?? '/' };
}

export function writeHostState(state: HostState): void {
  const params = new URLSearchParams({ view: state.view, user: state.user, theme: state.theme });
  if (state.issue !== null) params.set('issue', state.issue);
  if (state.request !== null) params.set('request', state.request);
  if (state.path !== '/') params.set('path', state.path);
  window.history.replaceState(null, '', `?${params.toString()}`);
}
