/**
 * Whether Prisma refused an update or delete because the row it names does not exist (P2025). By
 * code, not class: each database has its own generated client, and so its own error classes.
 */
export function isRecordNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2025";
}

/** For `.catch` on an update of one row: null when the row does not exist; any other error goes on. */
export function nullWhenNotFound(error: unknown): null {
  if (isRecordNotFound(error)) return null;
  throw error;
}
