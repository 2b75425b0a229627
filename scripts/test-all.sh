#!/usr/bin/env bash
# npm test: the static checks, then the unit tier (both keep the cores busy), side by side with the browser tier
# (which mostly waits on Chromium and its previews), so that its waits are spent on the other two instead of idling
# (docs/decisions/0066-npm-test-runs-the-browser-tier-beside-the-rest.md). As before, the unit tier runs only once the
# checks pass. Each piece's output goes to .cache/test-logs/<piece>.log and is printed whole once the piece ends,
# under a line naming it, so the two never interleave. Fails if any piece fails.
#   npm test
set -uo pipefail
cd "$(dirname "$0")/.."

logs=.cache/test-logs
mkdir -p "$logs"
rm -f "$logs"/*.log
# Jest colours its output only on a terminal: the logs are files, so say whether npm test runs on one.
if [ -t 1 ]; then export FORCE_COLOR=1; fi

# `npm run <piece>` into its log, then the log printed under a line saying how it went (one piece at a time).
run_piece() {
  local piece=$1 log="$logs/$1.log" started=$SECONDS status outcome
  npm run --silent "$piece" >"$log" 2>&1
  status=$?
  if [ "$status" -eq 0 ]; then outcome=passed; else outcome="FAILED (exit $status)"; fi
  {
    flock 9
    printf '\n=== npm run %s: %s in %d s ===\n' "$piece" "$outcome" $((SECONDS - started))
    cat "$log"
  } 9>"$logs/.print.lock"
  return "$status"
}

echo "npm test: npm run check then npm run test:unit, beside npm run test:browser; each one's output follows when it ends."
started=$SECONDS
( run_piece check && run_piece test:unit ) & checks_and_units=$!
run_piece test:browser & browser=$!

status=0
wait "$checks_and_units" || status=1
wait "$browser" || status=1
if [ "$status" -eq 0 ]; then outcome=passed; else outcome=FAILED; fi
printf '\n=== npm test: %s in %d s (logs in %s/) ===\n' "$outcome" $((SECONDS - started)) "$logs"
exit "$status"
