#!/usr/bin/env bash
# Proves the repository stands on its own: clones the current commit into an empty temporary
# folder (so nothing is beside the clone), installs from the lock file there and runs the
# non-browser tests there. Uncommitted changes are not part of the check.
#   npm run test:clean-clone
# Time limits in seconds: CLEAN_CLONE_INSTALL_LIMIT (default 600), CLEAN_CLONE_TEST_LIMIT (default 1200).
set -euo pipefail

root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
commit="$(git -C "$root" rev-parse HEAD)"
install_limit="${CLEAN_CLONE_INSTALL_LIMIT:-600}"
test_limit="${CLEAN_CLONE_TEST_LIMIT:-1200}"

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
clone="$workdir/support-hours"

if [ -n "$(git -C "$root" status --porcelain)" ]; then
  echo "clean-clone check: uncommitted changes in $root are left out; checking $commit" >&2
fi

started=$SECONDS
git clone --quiet --no-checkout "$root" "$clone"
git -C "$clone" checkout --quiet --detach "$commit"
cd "$clone"

timeout --kill-after=30 "$install_limit" npm ci --no-audit --no-fund
installed=$SECONDS
timeout --kill-after=30 "$test_limit" npx jest --testPathIgnorePatterns browser

echo "clean-clone check passed for $commit: install $((installed - started)) s, tests $((SECONDS - installed)) s"
