#!/usr/bin/env node
// Runs the CLI's bundle (dist/, built by `npm install` through the prepare script, or `npm run build:cli`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'support-hours.js');
if (!existsSync(bundle)) {
  process.stderr.write('support-hours: the CLI is not built yet: run "npm install" (or "npm run build:cli") in the repository first.\n');
  process.exitCode = 2;
} else {
  require(bundle);
}
