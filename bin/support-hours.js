#!/usr/bin/env node
// Runs the CLI's bundle (dist/, built by `npm install` through the prepare script, or `npm run build:cli`).
//
// V8 compiling the bundle's code took about a third of a small statement's own CPU time, so the compiled code is kept
// beside the bundle (V8's code cache, the `cachedData` of node:vm; Node 20 has no module.enableCompileCache) and
// reused by the next run. V8 rejects a cache made from another bundle or by another Node, and the run then compiles
// as usual and writes a fresh one; when dist/ is not writable the CLI simply runs without it.
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'support-hours.js');
const codeCache = `${bundle}.v8-cache`;

function readCodeCache() {
  try {
    return readFileSync(codeCache);
  } catch {
    return undefined;
  }
}

/** Written at exit, so that it holds the functions this run compiled too; through a rename, so no reader sees half a file. */
function writeCodeCache(script) {
  try {
    const partial = `${codeCache}.${process.pid}`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, codeCache);
  } catch {
    // A read-only installation runs without the cache.
  }
}

if (!existsSync(bundle)) {
  process.stderr.write('support-hours: the CLI is not built yet: run "npm install" (or "npm run build:cli") in the repository first.\n');
  process.exitCode = 2;
} else {
  const cachedData = readCodeCache();
  const script = new Script(wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true) process.once('exit', () => writeCodeCache(script));
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}
