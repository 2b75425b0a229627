#!/usr/bin/env bash
# The static checks npm test runs first: the type checks of the backend and of the surfaces, each with its ESLint run
# over the same TypeScript program (scripts/typecheck-and-lint.ts). The two are single-threaded processes, so they
# run side by side; the script fails if either fails.
#   npm run check
set -uo pipefail
cd "$(dirname "$0")/.."

pids=()
tsx scripts/typecheck-and-lint.ts backend & pids+=($!)
tsx scripts/typecheck-and-lint.ts static & pids+=($!)

status=0
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
exit "$status"
