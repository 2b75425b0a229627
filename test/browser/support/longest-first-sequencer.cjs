/**
 * The browser tier's order (jest's `testSequencer`, jest.browser.config.js): the longest files first, so that the
 * tier does not end with one worker on a long file while the others idle. Jest's own sequencer orders by the
 * durations of the last run, kept in its cache; without one (a fresh clone, CI, the bench) it orders by file size,
 * which started the two three-line responsive files, among the longest, last of all: a minute of one busy worker at
 * the end of the tier. Here a file's duration is the last run's when jest has one, else its EXPECTED_SECONDS; a file
 * in neither (a new one) starts first, as jest starts the files it has not timed. (JavaScript: jest loads a
 * sequencer with Node's own require, untransformed; longest-first-sequencer.d.cts types it for the tests.)
 */
const path = require('node:path');
const TestSequencer = require('@jest/test-sequencer').default;

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * Each browser-tier file's seconds in one run of the tier (2026-12-04, two cores, load 10 to 13, three workers), by
 * project-relative path. Only their order matters.
 */
const EXPECTED_SECONDS = Object.freeze({
  'test/browser/preview.browser.test.ts': 128,
  'test/browser/responsive-pages.browser.test.ts': 128,
  'test/browser/responsive-panel-gadget.browser.test.ts': 79,
  'test/browser/printable.browser.test.ts': 71,
  'test/browser/keyboard.browser.test.ts': 69,
  'test/browser/portal.browser.test.ts': 68,
  'test/browser/closing.browser.test.ts': 55,
  'test/browser/advice.browser.test.ts': 46,
  'test/browser/hard-stop.browser.test.ts': 37,
  'test/browser/issue-plan.browser.test.ts': 36,
  'test/browser/multipliers.browser.test.ts': 36,
  'test/browser/alert-problems.browser.test.ts': 34,
  'test/browser/bulk-link.browser.test.ts': 30,
  'test/browser/forge-manifest.test.ts': 27,
  'test/browser/bundle-sizes.test.ts': 1,
  'test/browser/manifest-keys.test.ts': 1,
  'test/browser/units/front-end-logic.test.ts': 1,
});

/**
 * The files longest first: by the seconds `lastRunSeconds` knows (jest's last run), else by EXPECTED_SECONDS; the
 * files neither knows first of all, then ties by path, so that the order is the same on every machine.
 */
function longestFirst(files, lastRunSeconds) {
  const seconds = (file) =>
    lastRunSeconds(file) ?? EXPECTED_SECONDS[path.relative(PROJECT_ROOT, file.path).split(path.sep).join('/')] ?? Number.POSITIVE_INFINITY;
  return files
    .map((file) => ({ file, seconds: seconds(file) }))
    .sort((a, b) => b.seconds - a.seconds || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0))
    .map(({ file }) => file);
}

class LongestFirstSequencer extends TestSequencer {
  sort(tests) {
    // Jest keeps the last run's durations in milliseconds.
    return longestFirst(tests, (test) => {
      const milliseconds = this._getCache(test)[test.path]?.[1];
      return milliseconds === undefined ? undefined : milliseconds / 1000;
    });
  }
}

module.exports = LongestFirstSequencer;
module.exports.EXPECTED_SECONDS = EXPECTED_SECONDS;
module.exports.longestFirst = longestFirst;
