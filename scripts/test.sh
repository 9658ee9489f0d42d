#!/usr/bin/env bash
# `npm test`: the whole suite. Type check, unit and integration tests (node:test), the production
# build, then the end-to-end tests in Chromium against it. Ends with one line for the whole run,
# "N passed, N failed", and fails when anything failed or no test ran.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -d node_modules ]; then
  npm ci || exit 1
fi
rm -rf test-results && mkdir -p test-results

echo "== type check"
npm run --silent typecheck
typecheck=$?

echo "== unit and integration tests"
bash scripts/test-unit.sh
unit=$?

echo "== production build"
# The home page and the site feeds are rendered at build time, from the default database;
# `npm run build` subsets the font first (prebuild).
npm run --silent db:setup && npm run --silent build
build=$?

e2e=skipped
if [ "$build" -eq 0 ]; then
  echo "== end-to-end tests"
  npx playwright test
  e2e=$?
fi

node scripts/test-summary.mjs "$typecheck" "$unit" "$build" "$e2e"
