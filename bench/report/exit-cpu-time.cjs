// Preloaded (`node --require`) into each timed process of the cli benchmark: at exit, appends the
// process's CPU time since it started (user + system, microseconds) to the file BENCH_CPU_FILE names.
'use strict';
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  appendFileSync(process.env.BENCH_CPU_FILE, `${user + system}\n`);
});
