/** The types of longest-first-sequencer.cjs, which jest loads untransformed. */
export declare const EXPECTED_SECONDS: Readonly<Record<string, number>>;
export declare function longestFirst<File extends { readonly path: string }>(files: readonly File[], lastRunSeconds: (file: File) => number | undefined): File[];
