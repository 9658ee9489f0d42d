#!/usr/bin/env bash
# Unit and integration tests: node's test runner over TypeScript (tsx). Each file runs in its own
# process with its own freshly migrated database (test/support/fresh-database.mts): SQLite, or
# PostgreSQL when TEST_DATABASE=postgresql. The react-server condition lets them import the
# server-only modules of lib/.
# Pass files to run only those: npm run test:unit -- test/unit/slug.test.ts
set -euo pipefail
cd "$(dirname "$0")/../.."
shopt -s globstar nullglob
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(test/**/*.test.ts)
mkdir -p test-results
report="test-results/unit${TEST_DATABASE:+-$TEST_DATABASE}.tap"

if [ "${TEST_DATABASE:-sqlite}" = postgresql ]; then
  export TEST_RUN="${TEST_RUN:-u$$}"
  npx tsx scripts/run/test-databases.ts prepare "$TEST_RUN"
  trap 'npx tsx scripts/run/test-databases.ts cleanup "$TEST_RUN"' EXIT
fi

node --conditions=react-server --import tsx --import ./test/support/fresh-database.mts \
  --test --test-concurrency=2 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$report" \
  "${files[@]}"
