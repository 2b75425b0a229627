import { useLayoutEffect, useRef } from 'react';
import type { FrameContext } from '@preview/protocol';
import type { BridgeHost } from './bridge-host';

interface SurfaceFrameProps {
  readonly host: BridgeHost;
  readonly title: string;
  readonly url: string;
  readonly context: FrameContext;
  readonly submit?: (payload: unknown) => void;
  readonly height: number;
}

/** One app frame, registered with the bridge host before its scripts can call it. */
export function SurfaceFrame({ host, title, url, context, submit, height }: SurfaceFrameProps) {
  const iframe = useRef<HTMLIFrameElement>(null);
  const latestContext = useRef(context);
  useLayoutEffect(() => {
    latestContext.current = context;
  });

  useLayoutEffect(() => {
    const element = iframe.current;
    if (element === null) return;
    return host.register({ iframe: element, context: () => latestContext.current, ...(submit === undefined ? {} : { submit }) });
  }, [host, submit]);

  return <iframe ref={iframe} className="host-frame" title={title} src={url} style={{ height }} data-module-key={context.moduleKey} />;
}
