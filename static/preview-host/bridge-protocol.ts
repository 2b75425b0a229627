/** Messages between a surface frame's `window.__bridge` and the preview's host page (which plays Jira). */

export const FRAME_SOURCE = 'support-hours-frame';
export const HOST_SOURCE = 'support-hours-host';

export type ColorMode = 'light' | 'dark';

/** A `callBridge(method, payload)` made by `@forge/bridge` inside a frame. */
export interface BridgeCall {
  readonly source: typeof FRAME_SOURCE;
  readonly callId: number;
  readonly method: string;
  readonly payload: unknown;
}

export type BridgeAnswer =
  | { readonly source: typeof HOST_SOURCE; readonly kind: 'answer'; readonly callId: number; readonly ok: true; readonly value: unknown }
  | { readonly source: typeof HOST_SOURCE; readonly kind: 'answer'; readonly callId: number; readonly ok: false; readonly message: string };

/** Pushed by the host when the user switches between light and dark. */
export interface ThemeChange {
  readonly source: typeof HOST_SOURCE;
  readonly kind: 'theme';
  readonly colorMode: ColorMode;
}

export type HostMessage = BridgeAnswer | ThemeChange;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isBridgeCall(value: unknown): value is BridgeCall {
  return isRecord(value) && value.source === FRAME_SOURCE && typeof value.callId === 'number' && typeof value.method === 'string';
}

export function isHostMessage(value: unknown): value is HostMessage {
  return isRecord(value) && value.source === HOST_SOURCE && (value.kind === 'answer' || value.kind === 'theme');
}
