import { PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_META } from '../../src/preview/protocol';

const TOKEN_META = new RegExp(`<meta name="${PREVIEW_TOKEN_META}" content="([^"]+)">`);

/** The token the preview wrote into its host page, read as the page's browser would get it. */
export async function readPreviewToken(previewUrl: string): Promise<string> {
  const page = await (await fetch(`${previewUrl}/`)).text();
  const token = TOKEN_META.exec(page)?.[1];
  if (token === undefined) throw new Error(`The preview's host page at ${previewUrl}/ carries no token`);
  return token;
}

const tokens = new Map<string, Promise<string>>();

/** The headers the preview's own page sends with a write: JSON, and the token of the preview's start. */
export async function previewWriteHeaders(previewUrl: string): Promise<Record<string, string>> {
  const token = tokens.get(previewUrl) ?? readPreviewToken(previewUrl);
  tokens.set(previewUrl, token);
  return { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: await token };
}
