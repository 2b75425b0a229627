import { useCallback, useEffect, useState } from 'react';
import type { DemoSite, FrameContext, SurfaceModule } from '@preview/protocol';
import { BridgeHost, type Navigation } from './bridge-host';
import { DashboardView } from './DashboardView';
import { IssueView } from './IssueView';
import { PortalView } from './PortalView';
import { settle } from './jira-rest';
import { previewFetch } from './preview-fetch';
import { SurfaceFrame } from './SurfaceFrame';
import { type HostState, type HostView, readHostState, VIEWS, writeHostState } from './url-state';

const VIEW_LABELS: Record<HostView, string> = { issue: 'Issue', project: 'Project page', settings: 'Project settings', dashboard: 'Dashboard', portal: 'Customer portal' };
const VIEW_MODULES: Record<HostView, SurfaceModule['type']> = {
  issue: 'jira:issuePanel',
  project: 'jira:projectPage',
  settings: 'jira:projectSettingsPage',
  dashboard: 'jira:dashboardGadget',
  portal: 'jiraServiceManagement:portalFooter',
};
/** The user switcher's choice for a visitor of the customer portal who is not signed in. */
const ANONYMOUS = 'anonymous';

function viewOfModule(site: DemoSite, moduleKey: string | undefined): HostView | undefined {
  const module = site.modules.find((candidate) => candidate.key === moduleKey);
  return VIEWS.find((view) => VIEW_MODULES[view] === module?.type);
}

async function saveGadgetConfiguration(configuration: FrameContext['extension']): Promise<void> {
  await previewFetch('/__preview/gadget-configuration', { method: 'PUT', body: { configuration } });
}

/** The Jira-like page: a user switcher, a theme switch, and the four places Jira shows the app. */
export function HostApp({ site }: { site: DemoSite }) {
  const [state, setState] = useState<HostState>(() => readHostState(window.location.search, site.users[0]?.role ?? ''));
  const [revision, setRevision] = useState(0);
  const [gadgetConfiguration, setGadgetConfiguration] = useState(site.gadgetConfiguration);
  const update = useCallback((change: Partial<HostState>) => setState((current) => ({ ...current, ...change })), []);
  // One bridge for the page's life (main.tsx renders one site); the effect below keeps its theme current.
  const [host] = useState(
    () =>
      new BridgeHost(site, state.theme, state.path, {
        navigate: (to: Navigation) => update({ view: viewOfModule(site, to.moduleKey) ?? 'project', path: to.path ?? '/' }),
        push: (path) => update({ path }),
      }),
  );

  useEffect(() => writeHostState(state), [state]);
  useEffect(() => host.setPathname(state.path), [host, state.path]);
  useEffect(() => {
    host.setColorMode(state.theme);
    document.documentElement.dataset.colorMode = state.theme;
  }, [host, state.theme]);

  const anonymous = state.user === ANONYMOUS;
  const user = site.users.find((candidate) => candidate.role === state.user) ?? site.users[0];
  const module = site.modules.find((candidate) => candidate.type === VIEW_MODULES[state.view]);
  if (user === undefined) return <p role="alert">The demo site has no users.</p>;

  const frameContext = (moduleKey: string, extension: FrameContext['extension']): FrameContext => ({
    ...(anonymous ? {} : { accountId: user.accountId }),
    moduleKey,
    locale: 'en-US',
    timezone: user.timeZone,
    extension,
  });
  const afterChange = async () => {
    await settle();
    setRevision((value) => value + 1);
  };
  const projectExtension = (type: string) => ({ type, project: { id: site.project.id, key: site.project.key, type: 'software' } });

  return (
    <>
      <header className="host-bar">
        <strong>Jira · {site.project.name}</strong>
        <nav aria-label="Places" className="host-row">
          {VIEWS.map((view) => (
            <button key={view} type="button" aria-current={view === state.view ? 'page' : undefined} onClick={() => update({ view, path: '/' })}>
              {VIEW_LABELS[view]}
            </button>
          ))}
        </nav>
        <label>
          Signed in as{' '}
          <select value={anonymous ? ANONYMOUS : user.role} onChange={(event) => update({ user: event.target.value })}>
            {site.users.map((candidate) => (
              <option key={candidate.role} value={candidate.role}>
                {candidate.displayName} ({candidate.role})
              </option>
            ))}
            <option value={ANONYMOUS}>Nobody: an anonymous visitor</option>
          </select>
        </label>
        <button type="button" aria-pressed={state.theme === 'dark'} onClick={() => update({ theme: state.theme === 'dark' ? 'light' : 'dark' })}>
          Dark theme
        </button>
        <button type="button" onClick={() => setRevision((value) => value + 1)}>
          Reload apps
        </button>
      </header>
      <main className="host-main">
        {module === undefined ? (
          <p role="alert">manifest.yml declares no {VIEW_MODULES[state.view]} module.</p>
        ) : state.view === 'portal' ? (
          site.serviceProject === null ? (
            <p role="alert">The demo site has no service project.</p>
          ) : (
            <PortalView
              serviceProject={site.serviceProject}
              host={host}
              footer={module}
              requestPanel={site.modules.find((candidate) => candidate.type === 'jiraServiceManagement:portalRequestDetailPanel')}
              user={anonymous ? null : user}
              lister={site.users.find((candidate) => candidate.isProjectAdmin) ?? user}
              requestKey={state.request}
              onRequest={(request) => update({ request })}
              frameContext={frameContext}
              revision={revision}
            />
          )
        ) : anonymous ? (
          <p role="alert">Log in to see this page: only the customer portal is open to anonymous visitors.</p>
        ) : state.view === 'issue' ? (
          <IssueView
            site={site}
            host={host}
            module={module}
            user={user}
            issueKey={state.issue}
            onIssue={(issue) => update({ issue })}
            frameContext={frameContext}
            onChanged={afterChange}
            revision={revision}
          />
        ) : state.view === 'settings' && !user.isProjectAdmin ? (
          <p role="alert">You don't have permission to view this page: only project administrators can open the project settings.</p>
        ) : state.view === 'dashboard' ? (
          <DashboardView
            host={host}
            module={module}
            configuration={gadgetConfiguration}
            onSave={async (configuration) => {
              await saveGadgetConfiguration(configuration);
              setGadgetConfiguration(configuration);
            }}
            frameContext={frameContext}
            revision={revision}
          />
        ) : (
          <section aria-label={module.title}>
            <SurfaceFrame
              key={`${state.view}:${user.accountId}:${revision}`}
              host={host}
              title={`${module.title} (${VIEW_LABELS[state.view]})`}
              url={module.url}
              context={frameContext(module.key, projectExtension(module.type))}
              height={1400}
            />
          </section>
        )}
      </main>
    </>
  );
}
