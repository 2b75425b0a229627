/** The theme artifacts of `@atlaskit/tokens` are CSS text modules without their own declarations. */
declare module '@atlaskit/tokens/dist/esm/artifacts/themes/*' {
  const css: string;
  export default css;
}
