#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm install` through the prepare script, or `npm run build:cli`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('support-hours: the CLI is not built yet: run "npm install" (or "npm run build:cli") in the repository first.\n');
  process.exitCode = 2;
} else {
  require(main);
}
