import { useCallback, useState } from 'react';
import type { FrameContext, SurfaceModule } from '@preview/protocol';
import type { BridgeHost } from './bridge-host';
import { SurfaceFrame } from './SurfaceFrame';

interface DashboardViewProps {
  readonly host: BridgeHost;
  readonly module: SurfaceModule;
  readonly configuration: FrameContext['extension'] | null;
  readonly onSave: (configuration: FrameContext['extension']) => Promise<void>;
  readonly frameContext: (moduleKey: string, extension: FrameContext['extension']) => FrameContext;
  readonly revision: number;
}

function isConfiguration(value: unknown): value is FrameContext['extension'] {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Jira dashboard with the app's gadget: its view, or its edit view until configured or when asked. */
export function DashboardView({ host, module, configuration, onSave, frameContext, revision }: DashboardViewProps) {
  const [editing, setEditing] = useState(configuration === null);
  const submit = useCallback(
    (payload: unknown) => {
      if (!isConfiguration(payload)) return;
      void onSave(payload).then(() => setEditing(false));
    },
    [onSave],
  );
  const extension = {
    type: module.type,
    gadget: { id: 'preview-gadget-1' },
    dashboard: { id: 'preview-dashboard-1' },
    gadgetConfiguration: configuration ?? {},
    ...(editing ? { entryPoint: 'edit' } : {}),
  };
  return (
    <section className="host-dashboard" aria-label="Dashboard">
      <h1>Dashboard</h1>
      <div className="host-gadget">
        <div className="host-row">
          <h2>{module.title}</h2>
          <button type="button" onClick={() => setEditing(!editing)} aria-pressed={editing}>
            {editing ? 'Close edit' : 'Edit gadget'}
          </button>
        </div>
        <SurfaceFrame
          key={`${editing ? 'edit' : 'view'}:${revision}:${JSON.stringify(configuration)}`}
          host={host}
          title={`${module.title} (gadget${editing ? ' edit view' : ''})`}
          url={editing ? (module.editUrl ?? module.url) : module.url}
          context={frameContext(module.key, extension)}
          {...(editing ? { submit } : {})}
          height={460}
        />
      </div>
    </section>
  );
}
