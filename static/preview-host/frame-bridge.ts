/**
 * Runs inside each surface frame before the app's bundle, as Forge's host script does in Jira:
 * it defines `window.__bridge.callBridge`, which the real `@forge/bridge` calls, and relays every
 * call to the host page. Theming is applied here, inside the frame, like Forge does.
 */
import darkTheme from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark';
import lightTheme from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light';
import shapeTheme from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-shape';
import spacingTheme from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-spacing';
import typographyTheme from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-typography';
import { type BridgeAnswer, type ColorMode, FRAME_SOURCE, isHostMessage, type BridgeCall } from './bridge-protocol';

declare global {
  interface Window {
    __bridge?: { callBridge: (method: string, payload?: unknown) => Promise<unknown> };
  }
}

const pending = new Map<number, (answer: BridgeAnswer) => void>();
let nextCallId = 1;
let themingEnabled = false;

function applyColorMode(colorMode: ColorMode): void {
  const root = document.documentElement;
  root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
  root.setAttribute('data-color-mode', colorMode);
}

function enableTheming(colorMode: ColorMode): void {
  themingEnabled = true;
  const style = document.createElement('style');
  style.dataset.supportHoursTheme = 'atlassian';
  style.textContent = [lightTheme, darkTheme, spacingTheme, typographyTheme, shapeTheme].join('\n');
  document.head.prepend(style);
  applyColorMode(colorMode);
}

function callHost(method: string, payload: unknown): Promise<BridgeAnswer> {
  const callId = nextCallId++;
  const call: BridgeCall = { source: FRAME_SOURCE, callId, method, payload };
  return new Promise((resolve) => {
    pending.set(callId, resolve);
    window.parent.postMessage(call, window.location.origin);
  });
}

window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin || !isHostMessage(event.data)) return;
  const message = event.data;
  if (message.kind === 'theme') {
    if (themingEnabled) applyColorMode(message.colorMode);
    return;
  }
  pending.get(message.callId)?.(message);
  pending.delete(message.callId);
});

/** Forge calls a history listener with the new location first (as `history` 4 did), which `@forge/bridge` relies on. */
type HistoryListener = (location: FrameLocation, action: string) => void;
interface FrameLocation {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly state: null;
  readonly key: string;
}

/**
 * Forge answers `createHistory` with a history object (the `history` package's) whose address is the page's path
 * below its module URL; a message cannot carry one, so the frame keeps it and tells the host each address it goes to.
 */
function createFrameHistory(pathname: string) {
  const listeners = new Set<HistoryListener>();
  let keyCount = 0;
  const locationOf = (path: string): FrameLocation => ({ pathname: path, search: '', hash: '', state: null, key: String(keyCount++) });
  const history = {
    action: 'POP',
    location: locationOf(pathname),
    push(path: string) {
      const location = locationOf(path);
      history.location = location;
      void callHost('history.push', { pathname: path });
      for (const listener of listeners) listener(location, 'PUSH');
    },
    listen(listener: HistoryListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return history;
}

window.__bridge = {
  async callBridge(method, payload) {
    const answer = await callHost(method, payload);
    if (!answer.ok) throw new Error(answer.message);
    if (method === 'enableTheming' && (answer.value === 'light' || answer.value === 'dark')) enableTheming(answer.value);
    if (method === 'createHistory') {
      const pathname: unknown = typeof answer.value === 'object' && answer.value !== null ? Reflect.get(answer.value, 'pathname') : undefined;
      return createFrameHistory(typeof pathname === 'string' ? pathname : '/');
    }
    return answer.value;
  },
};
