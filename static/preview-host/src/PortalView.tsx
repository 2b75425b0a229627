import { useEffect, useState } from 'react';
import type { DemoSite, DemoUser, FrameContext, SurfaceModule } from '@preview/protocol';
import type { BridgeHost } from './bridge-host';
import { canViewRequest, type DemoIssue, searchIssues } from './jira-rest';
import { SurfaceFrame } from './SurfaceFrame';

interface PortalViewProps {
  readonly serviceProject: NonNullable<DemoSite['serviceProject']>;
  readonly host: BridgeHost;
  readonly footer: SurfaceModule | undefined;
  readonly requestPanel: SurfaceModule | undefined;
  /** null: an anonymous visitor. */
  readonly user: DemoUser | null;
  /** Who lists the service project's requests for the page's navigation: Jira knows them all. */
  readonly lister: DemoUser;
  readonly requestKey: string | null;
  readonly onRequest: (key: string | null) => void;
  readonly frameContext: (moduleKey: string, extension: FrameContext['extension']) => FrameContext;
  readonly revision: number;
}

/** Whether Jira shows a module to this user at all: licensed and unlicensed users alike, anonymous visitors only if it says so. */
const shownTo = (module: SurfaceModule, user: DemoUser | null): boolean => user !== null || module.unlicensedAccess.includes('anonymous');

/** The customer portal: the Help Center with the app's footer, and a request page with the app's panel. */
export function PortalView({ serviceProject, host, footer, requestPanel, user, lister, requestKey, onRequest, frameContext, revision }: PortalViewProps) {
  const [requests, setRequests] = useState<DemoIssue[] | null>(null);
  const [checked, setChecked] = useState<{ readonly of: string; readonly viewable: boolean } | null>(null);
  useEffect(() => {
    searchIssues(lister, serviceProject.key).then(setRequests, () => setRequests([]));
  }, [lister, serviceProject.key]);
  const who = user === null ? 'anonymous' : user.accountId;
  // Which request, for whom, at which reload the answer is about: an older answer is never shown for another.
  const checkOf = `${who}:${requestKey ?? ''}:${revision}`;
  useEffect(() => {
    if (requestKey === null || user === null) return;
    let current = true;
    void canViewRequest(user, requestKey).then((viewable) => {
      if (current) setChecked({ of: checkOf, viewable });
    });
    return () => {
      current = false;
    };
  }, [user, requestKey, checkOf]);
  const viewable = user === null ? false : checked?.of === checkOf ? checked.viewable : null;

  const request = requests?.find((candidate) => candidate.key === requestKey);
  return (
    <div className="host-issue">
      <nav aria-label="Portal" className="host-issue-list">
        <h2>{serviceProject.name}</h2>
        <ul>
          <li>
            <button type="button" aria-current={requestKey === null ? 'page' : undefined} onClick={() => onRequest(null)}>
              Help Center
            </button>
          </li>
          {(requests ?? []).map((candidate) => (
            <li key={candidate.key}>
              <button type="button" aria-current={candidate.key === requestKey ? 'page' : undefined} onClick={() => onRequest(candidate.key)}>
                {candidate.key} {candidate.fields.summary}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {requestKey === null ? (
        <section className="host-issue-main" aria-label="Help Center">
          <h1>Help Center</h1>
          <p>Welcome to the {serviceProject.name} Help Center. Raise a request or follow the ones you have.</p>
          {footer === undefined || !shownTo(footer, user) ? null : (
            <SurfaceFrame
              key={`help:${who}:${revision}`}
              host={host}
              title={`${footer.title} (portal footer)`}
              url={footer.url}
              context={frameContext(footer.key, { type: footer.type, page: 'help_center' })}
              height={520}
            />
          )}
        </section>
      ) : viewable === null ? (
        <p className="host-issue-main">Loading the request…</p>
      ) : !viewable ? (
        <p className="host-issue-main" role="alert">
          You can&apos;t view this request. It may not exist, or it was not shared with you.
        </p>
      ) : (
        <>
          <section className="host-issue-main" aria-label="Request">
            <h1>
              {requestKey}: {request?.fields.summary ?? ''}
            </h1>
          </section>
          {requestPanel === undefined ? null : (
            <aside className="host-issue-panel" aria-label={requestPanel.title}>
              <h2>{requestPanel.title}</h2>
              <SurfaceFrame
                key={`${requestKey}:${who}:${revision}`}
                host={host}
                title={`${requestPanel.title} (portal request panel)`}
                url={requestPanel.url}
                context={frameContext(requestPanel.key, { type: requestPanel.type, request: { key: requestKey, typeId: '1' }, portal: { id: Number(serviceProject.serviceDeskId) } })}
                height={520}
              />
            </aside>
          )}
        </>
      )}
    </div>
  );
}
