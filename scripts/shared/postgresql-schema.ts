/**
 * The PostgreSQL schema is derived from the SQLite one (prisma/schema.prisma, the one source of
 * truth for the data model): same models, enums and indexes; only the datasource and the generated
 * client's folder differ. `npm run db:postgresql-schema` writes it; test/unit/postgresql-schema.test.ts
 * fails when the committed file is not what this makes of the current SQLite schema.
 */
export const SQLITE_SCHEMA_PATH = "prisma/schema.prisma";
export const POSTGRESQL_SCHEMA_PATH = "prisma/postgresql/schema.prisma";

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:postgresql-schema\`: edit that file, not this one.
`;

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(
    new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`),
  );
  if (matches?.length !== 1)
    throw new Error(`prisma/schema.prisma: expected one ${what}, found ${matches?.length ?? 0}`);
  return text.replace(pattern, replacement);
}

export function postgresqlSchemaFrom(sqliteSchema: string): string {
  let schema = replaceOnce(
    sqliteSchema,
    /datasource db \{[^}]*\}/,
    `datasource db {
  provider = "postgresql"
  // Unused with the driver adapter (the URL comes from DATABASE_URL), but \`prisma generate\` wants one.
  url      = "postgresql://localhost/unused"
}`,
    "datasource block",
  );
  schema = replaceOnce(
    schema,
    /output(\s*)= "\.\.\/lib\/generated\/prisma"/,
    'output$1= "../../lib/generated/prisma-postgresql"',
    "generator output",
  );
  return HEADER + schema;
}
