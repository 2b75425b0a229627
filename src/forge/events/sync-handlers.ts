import type { JiraWorklog } from '../../ledger/types';
import { sweepAlertOutbox } from '../../app/alerts/alert-outbox';
import { attributeEditsOf, attributesNowOf, madeAt } from '../../adapters/jira/issue-attributes';
import { ORGANIZATIONS_FIELD } from '../../adapters/jira/organizations-field';
import { parseJiraInstant } from '../../ledger/parse-jira-instant';
import { applyIssueAttributesChanged } from '../../app/sync/apply-attributes-changed';
import { applyIssueCreated } from '../../app/sync/apply-issue-created';
import { applyRequestOrganizationsChanged } from '../../app/sync/apply-organizations-changed';
import { applyWorklogEvent, type WorklogEventKind } from '../../app/sync/apply-worklog-event';
import { reconcile } from '../../app/sync/reconcile';
import { syncJobHandler } from '../../app/sync/sync-job-handler';
import type { SyncDeps } from '../../app/sync/sync-deps';
import { acknowledgeMalformed, issueCreatedEventSchema, issueUpdatedEventSchema, worklogEventSchema, type WorklogEvent } from './forge-events';
import { createQueueConsumer } from './queue-consumer';

/**
 * The functions `manifest.yml` names for the sync side, each thin: validate what Forge hands
 * over, build the services, call one use case. The local runtime calls these very functions
 * with Forge-shaped events, so nothing between Forge and the use cases is bypassed.
 */
export interface SyncHandlers {
  /** `trigger` on `avi:jira:created|updated|deleted:worklog`. */
  readonly onWorklogEvent: (event: unknown) => Promise<void>;
  /** `trigger` on `avi:jira:created:issue`. */
  readonly onIssueCreated: (event: unknown) => Promise<void>;
  /**
   * `trigger` on `avi:jira:updated:issue`: a change of priority, issue type or request type joins the issue's history;
   * a request whose organisations changed follows them.
   */
  readonly onIssueUpdated: (event: unknown) => Promise<void>;
  /** `scheduledTrigger`: the alerts outbox sweep, then reconciliation (a failed run is logged; the next hour's runs again). */
  readonly onReconcile: () => Promise<void>;
  /** `consumer` of the sync queue: recompute chunks and generation clean-ups. */
  readonly onSyncJob: (event: unknown) => Promise<void>;
}

export function createSyncHandlers(depsFor: () => SyncDeps): SyncHandlers {
  return {
    async onWorklogEvent(event) {
      const parsed = worklogEventSchema.safeParse(event);
      if (!parsed.success) {
        acknowledgeMalformed('worklog event', parsed.error.message);
        return;
      }
      await applyWorklogEvent(depsFor(), { kind: kindOf(parsed.data), worklog: worklogOf(parsed.data) });
    },
    async onIssueCreated(event) {
      const parsed = issueCreatedEventSchema.safeParse(event);
      if (!parsed.success) {
        acknowledgeMalformed('issue-created event', parsed.error.message);
        return;
      }
      const { issue } = parsed.data;
      await applyIssueCreated(depsFor(), {
        issueId: issue.id,
        issueKey: issue.key,
        summary: issue.fields.summary,
        projectId: issue.fields.project.id,
        attributes: attributesNowOf(issue.fields),
      });
    },
    async onIssueUpdated(event) {
      const parsed = issueUpdatedEventSchema.safeParse(event);
      if (!parsed.success) {
        acknowledgeMalformed('issue-updated event', parsed.error.message);
        return;
      }
      const { issue, changelog } = parsed.data;
      const items = changelog?.items ?? [];
      // Every edit of every issue arrives here: only a change of an attribute (a read and at most a write, no Jira call)
      // or of the Organizations field (a Jira call) is worth anything.
      const edits = attributeEditsOf(items);
      if (edits.length > 0) {
        const deps = depsFor();
        // The change was made when the issue was updated; an event that does not say is taken as made when it arrived.
        const at = issue.fields.updated === undefined ? deps.clock.now() : parseJiraInstant(issue.fields.updated, 'issue.fields.updated');
        await applyIssueAttributesChanged(deps, issue.id, { seen: attributesNowOf(issue.fields), changes: madeAt(at, edits) });
      }
      if (!items.some((item) => item.fieldId === ORGANIZATIONS_FIELD || item.field === 'Organizations')) return;
      await applyRequestOrganizationsChanged(depsFor(), { issueId: issue.id, issueKey: issue.key, projectId: issue.fields.project.id });
    },
    async onReconcile() {
      const deps = depsFor();
      // The outbox sweep goes first and on its own: a reconciliation that fails (Jira down) must not hold alerts up.
      await sweepAlertOutbox(deps).catch((error: unknown) => {
        console.error('Support Hours could not sweep the alerts outbox; the next run will', error);
      });
      await reconcile(deps);
    },
    onSyncJob: createQueueConsumer(() => {
      const deps = depsFor();
      return { ports: deps, handler: syncJobHandler(deps) };
    }),
  };
}

function kindOf(event: WorklogEvent): WorklogEventKind {
  if (event.eventType === 'avi:jira:created:worklog') return 'created';
  return event.eventType === 'avi:jira:updated:worklog' ? 'updated' : 'deleted';
}

/** A deleted worklog's event may carry only ids; the rest is never read for a deletion. */
function worklogOf(event: WorklogEvent): JiraWorklog {
  const { worklog } = event;
  return {
    id: worklog.id,
    issueId: worklog.issueId,
    started: worklog.started ?? '',
    timeSpentSeconds: worklog.timeSpentSeconds ?? 0,
    ...(worklog.author === undefined ? {} : { author: worklog.author }),
    ...(worklog.updated === undefined ? {} : { updated: worklog.updated }),
  };
}
