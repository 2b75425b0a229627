#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so the repository needs no build step for it.
require('tsx/cjs');
require('../src/cli/main.ts');
