#!/usr/bin/env bash
# Makes the migrations, for SQLite and for PostgreSQL, of the change to prisma/schema.prisma since
# the last commit:
#   npm run db:new-migration -- add_tags
# `prisma migrate dev` cannot run with the JavaScript schema engine here (see README), so this diffs
# the committed schema against the working one, once per provider. It regenerates
# prisma/postgresql/schema.prisma from the SQLite schema first. Commit the schemas with their migrations.
set -euo pipefail
cd "$(dirname "$0")/../.."
name="${1:?usage: npm run db:new-migration -- <name_in_snake_case>}"
[[ "$name" =~ ^[a-z0-9_]+$ ]] || { echo "migration name must be snake_case: $name" >&2; exit 2; }

stamp=$(date -u +%Y%m%d%H%M%S)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
npx tsx scripts/cli/postgresql-schema.ts >/dev/null

# diff <provider> <schema> <migrations folder> <schema as committed>: writes <folder>/<stamp>_<name>/migration.sql.
diff_schema() {
  local provider=$1 schema=$2 folder=$3 previous=$4 url
  # Prisma's JavaScript schema engine connects even to diff two schema files: for PostgreSQL, to a
  # server's maintenance database (read only; any server of the same major version will do).
  [ "$provider" = postgresql ] && url=${MIGRATION_POSTGRESQL_URL:-postgresql://postgres@127.0.0.1:5432/postgres} || url=file:"$scratch/unused.db"
  local from=(--from-empty)
  [ -s "$previous" ] && from=(--from-schema-datamodel "$previous")
  local sql
  sql=$(DATABASE_URL=$url npx prisma migrate diff "${from[@]}" --to-schema-datamodel "$schema" --script)
  if ! grep -qvE '^(--.*)?$' <<<"$sql"; then
    echo "no schema change since the last commit: nothing to migrate" >&2
    exit 1
  fi
  mkdir -p "$folder/${stamp}_${name}"
  printf '%s\n' "$sql" > "$folder/${stamp}_${name}/migration.sql"
  [ -f "$folder/migration_lock.toml" ] || printf 'provider = "%s"\n' "$provider" > "$folder/migration_lock.toml"
  echo "wrote $folder/${stamp}_${name}/migration.sql"
}

git show HEAD:prisma/schema.prisma > "$scratch/sqlite.prisma" 2>/dev/null || : > "$scratch/sqlite.prisma"
git show HEAD:prisma/postgresql/schema.prisma > "$scratch/postgresql.prisma" 2>/dev/null || : > "$scratch/postgresql.prisma"
diff_schema sqlite prisma/schema.prisma prisma/migrations "$scratch/sqlite.prisma"
diff_schema postgresql prisma/postgresql/schema.prisma prisma/postgresql/migrations "$scratch/postgresql.prisma"
echo "apply them with: npm run db:migrate (on each database you use)"
