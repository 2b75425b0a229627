#!/usr/bin/env bash
# The static checks npm test runs first: the type check of the backend and of the surfaces, and ESLint.
# Each is one single-threaded process, so they run side by side; the script fails if any of them fails.
#   npm run check
set -uo pipefail
cd "$(dirname "$0")/.."

pids=()
npm run --silent typecheck & pids+=($!)
npm run --silent typecheck -w static & pids+=($!)
npm run --silent lint & pids+=($!)

status=0
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
exit "$status"
