#!/usr/bin/env bash
# Makes a migration from the change to prisma/schema.prisma since the last commit:
#   npm run db:new-migration -- add_tags
# `prisma migrate dev` cannot run with the JavaScript schema engine here (see README), so this diffs
# the committed schema against the working one. Commit the schema together with its migration.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: npm run db:new-migration -- <name_in_snake_case>}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "migration name must be snake_case: $name" >&2; exit 2; }

dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
previous=$(mktemp --suffix=.prisma)
trap 'rm -f "$previous"' EXIT
if ls prisma/migrations/*/migration.sql >/dev/null 2>&1 && git cat-file -e HEAD:prisma/schema.prisma 2>/dev/null; then
  git show HEAD:prisma/schema.prisma > "$previous"
  from=(--from-schema-datamodel "$previous")
else
  from=(--from-empty)
fi
sql=$(npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script)
if ! grep -qvE '^(--.*)?$' <<<"$sql"; then
  echo "no schema change since the last commit: nothing to migrate" >&2
  exit 1
fi
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
[ -f prisma/migrations/migration_lock.toml ] || printf 'provider = "sqlite"\n' > prisma/migrations/migration_lock.toml
echo "wrote $dir/migration.sql; apply it with: npm run db:migrate"
