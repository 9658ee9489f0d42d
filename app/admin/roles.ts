import type { UserRole } from "@/lib/generated/prisma/enums";

/** The roles as the newsroom names them, from the least to the most trusted. */
export const ROLE_LABELS: Record<UserRole, string> = { AUTHOR: "كاتب", EDITOR: "محرر", ADMIN: "مدير" };
