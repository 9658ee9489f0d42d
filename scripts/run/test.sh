#!/usr/bin/env bash
# `npm test`: the whole suite, on SQLite and then again on PostgreSQL. Type check and lint; then per
# database: unit and integration tests (node:test), the production build, and the end-to-end tests
# in Chromium against it. Ends with one line for the whole run, "N passed, N failed", and fails
# when anything failed or no test ran.
# The PostgreSQL lane uses the server at TEST_POSTGRESQL_URL (default: this machine's, 127.0.0.1:5432,
# user postgres); it makes databases named portal_test_<run>_… there and drops them at the end. With
# no server reachable, it is left out with a message saying so. That lane ends with the two-instance
# test (PostgreSQL and the Redis at TEST_REDIS_URL, default 127.0.0.1:6379, keys under a prefix of
# the run's). TEST_LANES=sqlite runs one lane.
set -uo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -d node_modules ]; then
  npm ci || exit 1
fi
rm -rf test-results && mkdir -p test-results
steps=test-results/steps.tsv
: > "$steps"
# One line per step for scripts/run/test-summary.mjs: label, kind (step, tap, playwright), exit code, report.
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}" >> "$steps"; }

echo "== type check"
npm run --silent typecheck
record "type check" step $?

echo "== lint"
npm run --silent lint
record "lint" step $?

# Runs the unit tests, the build and the e2e tests on the database DATABASE_URL / TEST_DATABASE name.
lane() {
  local name=$1
  echo "== [$name] unit and integration tests"
  bash scripts/run/test-unit.sh
  record "[$name] unit and integration tests" tap $? "test-results/unit${TEST_DATABASE:+-$TEST_DATABASE}.tap"

  echo "== [$name] production build"
  # The home page and the site feeds are rendered at build time, from the database DATABASE_URL
  # names (a fresh one of the run's, never the portal's own); `npm run build` subsets the font first (prebuild).
  npm run --silent db:fresh && npm run --silent build
  local build=$?
  record "[$name] production build" step $build
  if [ $build -ne 0 ]; then
    echo "   [$name] end-to-end tests not run: the build failed"
    record "[$name] end-to-end tests" step 1
    return
  fi
  echo "== [$name] end-to-end tests"
  npx playwright test
  local e2e=$?
  mv test-results/e2e.json "test-results/e2e-$name.json" 2>/dev/null
  mv test-results/e2e-artifacts "test-results/e2e-artifacts-$name" 2>/dev/null
  record "[$name] end-to-end tests" playwright $e2e "test-results/e2e-$name.json"
  if [ "$name" = postgresql ]; then
    # Two instances of this build on one PostgreSQL database and one Redis (e2e/multi-instance/).
    echo "== [$name] two instances, shared database and Redis"
    npx playwright test --config e2e/multi-instance/playwright.config.ts
    record "[$name] two instances" playwright $? test-results/e2e-multi-instance.json
  fi
}

lanes=${TEST_LANES:-sqlite postgresql}

if [[ " $lanes " == *" sqlite "* ]]; then
  # Its own build database: `npm start`'s data/portal.db may be in use by a running server.
  (unset TEST_DATABASE E2E_DATABASE_URL; export DATABASE_URL="file:$PWD/data/test-build.db"; lane sqlite)
fi

if [[ " $lanes " == *" postgresql "* ]]; then
  server=${TEST_POSTGRESQL_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
  if TEST_POSTGRESQL_URL="$server" npx tsx scripts/run/test-databases.ts reachable; then
    run="r$$"
    base="${server%/*}/portal_test_${run}"
    (
      export TEST_DATABASE=postgresql TEST_RUN="$run" TEST_POSTGRESQL_URL="$server"
      export DATABASE_URL="${base}_build" E2E_DATABASE_URL="${base}_e2e"
      lane postgresql
    )
    npx tsx scripts/run/test-databases.ts cleanup "$run"
  else
    echo "== PostgreSQL lane left out: no PostgreSQL server answers at $server (set TEST_POSTGRESQL_URL)"
    record "PostgreSQL lane" absent 0
  fi
fi

node scripts/run/test-summary.mjs "$steps"
