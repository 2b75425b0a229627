import * as z from 'zod';
import type { DemoSite, FrameContext } from '@preview/protocol';
import { type BridgeAnswer, type ColorMode, HOST_SOURCE, isBridgeCall, type ThemeChange } from '../bridge-protocol';
import { forgeContext } from './forge-context';
import { previewFetch } from './preview-fetch';

/** One surface frame the host page shows, and what Jira would do for it. */
export interface HostedFrame {
  readonly iframe: HTMLIFrameElement;
  readonly context: () => FrameContext;
  /** The gadget edit view's `view.submit`; absent where Jira refuses to submit. */
  readonly submit?: (payload: unknown) => void;
}

const invokeCallSchema = z.object({ functionKey: z.string(), payload: z.json().optional() });
const navigateCallSchema = z.object({ target: z.string().optional(), moduleKey: z.string().optional(), url: z.string().optional(), path: z.string().optional() });
const historyPushSchema = z.object({ pathname: z.string() });

export type Navigation = z.infer<typeof navigateCallSchema>;

/** Full pages (here the project page) have an address of their own below the module's URL, which `view.createHistory()` reads and writes. */
const PAGES_WITH_HISTORY = new Set(['jira:projectPage']);

/** What the host page does when a frame moves the user: to another place, or to another address of its own page. */
export interface HostNavigation {
  navigate(to: Navigation): void;
  push(pathname: string): void;
}

/**
 * Forge's host side of `@forge/bridge`: answers each frame's `callBridge(method, payload)`
 * with the frame's own context; `invoke` goes to the local resolvers over HTTP.
 */
export class BridgeHost {
  private readonly frames = new Set<HostedFrame>();

  constructor(
    private readonly site: DemoSite,
    private colorMode: ColorMode,
    /** The full page's address below its module URL ("/" at its root). */
    private pathname: string,
    private readonly navigation: HostNavigation,
  ) {
    window.addEventListener('message', (event) => void this.receive(event));
  }

  register(frame: HostedFrame): () => void {
    this.frames.add(frame);
    return () => this.frames.delete(frame);
  }

  setPathname(pathname: string): void {
    this.pathname = pathname;
  }

  setColorMode(colorMode: ColorMode): void {
    this.colorMode = colorMode;
    const message: ThemeChange = { source: HOST_SOURCE, kind: 'theme', colorMode };
    for (const frame of this.frames) frame.iframe.contentWindow?.postMessage(message, window.location.origin);
  }

  private async receive(event: MessageEvent): Promise<void> {
    if (event.origin !== window.location.origin || !isBridgeCall(event.data)) return;
    const frame = [...this.frames].find((candidate) => candidate.iframe.contentWindow === event.source);
    if (frame === undefined) return;
    const { callId, method, payload } = event.data;
    let answer: BridgeAnswer;
    try {
      answer = { source: HOST_SOURCE, kind: 'answer', callId, ok: true, value: await this.answer(frame, method, payload) };
    } catch (error) {
      answer = { source: HOST_SOURCE, kind: 'answer', callId, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    frame.iframe.contentWindow?.postMessage(answer, window.location.origin);
  }

  private async answer(frame: HostedFrame, method: string, payload: unknown): Promise<unknown> {
    switch (method) {
      case 'getContext':
        return forgeContext(this.site, frame.context(), this.colorMode);
      case 'enableTheming':
        return this.colorMode;
      case 'invoke':
        return invokeOverHttp(frame.context(), invokeCallSchema.parse(payload));
      case 'submit':
        if (frame.submit === undefined) return false;
        frame.submit(payload);
        return true;
      case 'refresh':
        frame.iframe.contentWindow?.location.reload();
        return true;
      case 'navigate':
      case 'open':
        this.navigation.navigate(navigateCallSchema.parse(payload));
        return undefined;
      // frame-bridge.ts keeps the frame's history object; the host keeps the address, in its own URL.
      case 'createHistory': {
        const type = frame.context().extension.type;
        if (typeof type !== 'string' || !PAGES_WITH_HISTORY.has(type)) throw new Error('view.createHistory() is only available on full pages.');
        return { pathname: this.pathname };
      }
      case 'history.push':
        this.navigation.push(historyPushSchema.parse(payload).pathname);
        return undefined;
      default:
        throw new Error(`The Support Hours preview does not play the bridge call "${method}".`);
    }
  }
}

async function invokeOverHttp(context: FrameContext, call: z.infer<typeof invokeCallSchema>): Promise<unknown> {
  const response = await previewFetch('/__preview/invoke', {
    method: 'POST',
    body: { functionKey: call.functionKey, payload: call.payload ?? {}, context },
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`The resolver "${call.functionKey}" failed: ${JSON.stringify(body)}`);
  return body;
}
