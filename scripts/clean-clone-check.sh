#!/usr/bin/env bash
# Proves the repository stands on its own: clones the current commit into an empty temporary
# folder (so nothing is beside the clone), installs from the lock file there and runs the type
# check and the unit tier there (every jest test outside test/browser/). Uncommitted changes
# are not part of the check.
#   npm run test:clean-clone
# The whole check stops after CLEAN_CLONE_LIMIT seconds (default 1800).
set -euo pipefail

root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
commit="$(git -C "$root" rev-parse HEAD)"
deadline=$((SECONDS + ${CLEAN_CLONE_LIMIT:-1800}))

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
clone="$workdir/support-hours"

if [ -n "$(git -C "$root" status --porcelain)" ]; then
  echo "clean-clone check: uncommitted changes in $root are left out; checking $commit" >&2
fi

# Runs a step with whatever is left of the time limit.
step() {
  local remaining=$((deadline - SECONDS))
  if [ "$remaining" -le 0 ]; then
    echo "clean-clone check: out of time before: $*" >&2
    return 124
  fi
  timeout --kill-after=30 "$remaining" "$@"
}

started=$SECONDS
git clone --quiet --no-checkout "$root" "$clone"
git -C "$clone" checkout --quiet --detach "$commit"
cd "$clone"

step npm ci --no-audit --no-fund
installed=$SECONDS
step npm run typecheck
step npm run test:unit

echo "clean-clone check passed for $commit: install $((installed - started)) s, type check and unit tier $((SECONDS - installed)) s"
