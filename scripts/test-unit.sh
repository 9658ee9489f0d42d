#!/usr/bin/env bash
# Unit and integration tests: node's test runner over TypeScript (tsx). Each file runs in its own
# process with its own freshly migrated SQLite database (test/support/fresh-database.ts); the
# react-server condition lets them import the server-only modules of lib/.
# Pass files to run only those: npm run test:unit -- test/unit/slug.test.ts
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s globstar nullglob
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(test/**/*.test.ts)
mkdir -p test-results
exec node --conditions=react-server --import tsx --import ./test/support/fresh-database.ts \
  --test --test-concurrency=2 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=test-results/unit.tap \
  "${files[@]}"
