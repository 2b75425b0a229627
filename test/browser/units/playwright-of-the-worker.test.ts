import { chromium } from 'playwright-core';

/** The global playwright-environment.cjs puts its worker's playwright-core on. */
const PLAYWRIGHT_GLOBAL = 'supportHoursPlaywright';

describe("the browser tier's playwright-core", () => {
  it("is its worker's, loaded once by the test environment, not a copy in the file's own module registry", () => {
    const ofTheWorker: unknown = Reflect.get(globalThis, PLAYWRIGHT_GLOBAL);
    expect(ofTheWorker).toEqual(expect.objectContaining({ chromium }));
  });
});
