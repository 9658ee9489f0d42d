import "server-only";
import { z } from "zod";
import { canManageSettings, type NewsroomUser } from "./auth/access";
import { db } from "./db/client";
import { ForbiddenError, InvalidInputError } from "./errors";

export const settingsSchema = z.object({
  /** "hold": every new comment waits for approval (the default, as in WordPress); "publish": at once. */
  commentModeration: z.enum(["hold", "publish"]).default("hold"),
  /** Comments on a newly published article close on their own after this many days; null: never. */
  commentsCloseAfterDays: z.coerce.number().int().min(1).max(3650).nullable().default(null),
});

export type SiteSettings = z.infer<typeof settingsSchema>;

export async function getSettings(): Promise<SiteSettings> {
  const rows = await db.setting.findMany({ select: { key: true, value: true } });
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  const parsed = settingsSchema.safeParse(stored);
  // A value written by an older version that no longer validates falls back to the defaults.
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function updateSettings(
  actor: NewsroomUser,
  input: Partial<Record<keyof SiteSettings, unknown>>,
): Promise<SiteSettings> {
  if (!canManageSettings(actor)) throw new ForbiddenError();
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(z.flattenError(parsed.error).fieldErrors);
  await db.$transaction(
    Object.entries(parsed.data).map(([key, value]) =>
      db.setting.upsert({
        where: { key },
        create: { key, value: JSON.stringify(value) },
        update: { value: JSON.stringify(value) },
      }),
    ),
  );
  return parsed.data;
}
