import { useEffect, useState } from 'react';
import type { DemoSite, DemoUser, FrameContext, SurfaceModule } from '@preview/protocol';
import type { BridgeHost } from './bridge-host';
import { type DemoIssue, searchIssues } from './jira-rest';
import { SurfaceFrame } from './SurfaceFrame';
import { TransitionControl } from './TransitionControl';
import { WorklogEditor } from './WorklogEditor';

interface IssueViewProps {
  readonly site: DemoSite;
  readonly host: BridgeHost;
  readonly module: SurfaceModule;
  readonly user: DemoUser;
  readonly issueKey: string | null;
  readonly onIssue: (key: string) => void;
  readonly frameContext: (moduleKey: string, extension: FrameContext['extension']) => FrameContext;
  readonly onChanged: () => Promise<void>;
  readonly revision: number;
}

/** Jira's issue view: the issue list, the issue's workflow buttons and work log, and the app's panel beside it. */
export function IssueView({ site, host, module, user, issueKey, onIssue, frameContext, onChanged, revision }: IssueViewProps) {
  const [issues, setIssues] = useState<DemoIssue[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    searchIssues(user, site.project.key).then(setIssues, (error: unknown) => setFailure(String(error)));
  }, [user, site.project.key]);

  if (failure !== null) return <p role="alert">{failure}</p>;
  if (issues === null) return <p>Loading issues…</p>;
  // An issue the address names and the project lacks is said so: showing another one would log work on it.
  const issue = issueKey === null ? issues[0] : issues.find((candidate) => candidate.key === issueKey);
  if (issue === undefined) return <p role="alert">{issueKey === null ? `${site.project.key} has no issues.` : `${site.project.key} has no issue ${issueKey}.`}</p>;
  const extension = {
    type: module.type,
    issue: { id: issue.id, key: issue.key, type: 'Task', typeId: '10001' },
    project: { id: site.project.id, key: site.project.key, type: 'software' },
    isNewToIssue: false,
  };
  return (
    <div className="host-issue">
      <nav aria-label="Issues" className="host-issue-list">
        <h2>Issues</h2>
        <ul>
          {issues.map((candidate) => (
            <li key={candidate.key}>
              <button type="button" aria-current={candidate.key === issue.key ? 'page' : undefined} onClick={() => onIssue(candidate.key)}>
                {candidate.key} {candidate.fields.summary}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="host-issue-main">
        <h1>
          {issue.key}: {issue.fields.summary}
        </h1>
        <TransitionControl key={`transitions:${issue.key}:${user.accountId}`} user={user} issueKey={issue.key} onChanged={onChanged} />
        <WorklogEditor key={`${issue.key}:${user.accountId}`} user={user} issueKey={issue.key} onChanged={onChanged} />
      </div>
      <aside className="host-issue-panel" aria-label={module.title}>
        <h2>{module.title}</h2>
        <SurfaceFrame
          key={`${issue.key}:${user.accountId}:${revision}`}
          host={host}
          title={`${module.title} (issue panel)`}
          url={module.url}
          context={frameContext(module.key, extension)}
          height={720}
        />
      </aside>
    </div>
  );
}
