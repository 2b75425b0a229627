import type { SimUser } from './model';

/** Background colours for the initials, picked by account id so a person keeps theirs. */
const COLOURS = ['#0052cc', '#00875a', '#6554c0', '#de350b', '#ff991f', '#00a3bf'] as const;

/** Up to two initials of the name, upper-cased: "Ada Admin" → "AA". */
function initialsOf(displayName: string): string {
  return displayName
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

function colourOf(accountId: string): string {
  let sum = 0;
  for (let index = 0; index < accountId.length; index += 1) sum += accountId.charCodeAt(index);
  return COLOURS[sum % COLOURS.length] ?? COLOURS[0];
}

/** Keeps the name's characters from closing the SVG's text. */
function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${String(character.codePointAt(0))};`);
}

type AvatarUrls = Readonly<Record<'16x16' | '24x24' | '32x32' | '48x48', string>>;

/** Each person's addresses, built once: every worklog the simulator serves names its author's (50,000 of them for a large issue). */
const built = new Map<string, AvatarUrls>();

/**
 * Jira's avatar addresses for a user (its `AvatarUrlsBean`, four sizes), as generated initials on a coloured disc. They are inline SVG (`data:` URIs)
 * because the preview's frames reach no network and Jira's avatar hosts would not know the simulator's people.
 */
export function avatarUrlsOf(user: SimUser): AvatarUrls {
  const key = `${user.accountId}\n${user.displayName}`;
  const known = built.get(key);
  if (known !== undefined) return known;
  const urls = drawnAvatarUrls(user);
  built.set(key, urls);
  return urls;
}

function drawnAvatarUrls(user: SimUser): AvatarUrls {
  const svg = (size: number) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(size)}" height="${String(size)}" viewBox="0 0 32 32">` +
    `<circle cx="16" cy="16" r="16" fill="${colourOf(user.accountId)}"/>` +
    `<text x="16" y="21" font-family="sans-serif" font-size="13" fill="#fff" text-anchor="middle">${escapeXml(initialsOf(user.displayName))}</text></svg>`;
  const url = (size: number) => `data:image/svg+xml;base64,${Buffer.from(svg(size)).toString('base64')}`;
  return Object.freeze({ '16x16': url(16), '24x24': url(24), '32x32': url(32), '48x48': url(48) });
}
