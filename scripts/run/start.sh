#!/usr/bin/env bash
# `npm start`: from a fresh clone to the seeded portal at http://localhost:3000 (PORT to change it).
# Installs dependencies when missing or stale, creates or migrates the SQLite database under data/,
# imports the seed article (a no-op when it is there already), builds, and serves the production app.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci
fi

# A per-install secret for hashing client fingerprints, kept out of git (Next reads .env.local).
if ! grep -qs '^APP_SECRET=' .env.local; then
  echo "APP_SECRET=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))')" >> .env.local
fi

npm run --silent db:setup
npm run --silent build
echo "Serving the portal at http://localhost:${PORT:-3000}"
exec npm run --silent serve -- -p "${PORT:-3000}"
