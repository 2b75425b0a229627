/**
 * Stands in for `@atlaskit/tokens`' map of theme imports (see `noRunTimeThemes` in `vite.config.ts`): Forge's host
 * applies the theme, so the surfaces load none at run time.
 */
export const themeImportMap: Record<string, () => Promise<{ default: string }>> = {};
export default themeImportMap;
