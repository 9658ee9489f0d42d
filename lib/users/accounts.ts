import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { storable, UNSTORABLE_TEXT_MESSAGE } from "../storable-text";
import { PASSWORD_MIN_LENGTH } from "../auth/password";
import { db } from "../db/client";
import { nullWhenNotFound } from "../db/errors";
import { availableAuthorSlug } from "../taxonomy/authors";
import { canManageUsers, type NewsroomUser } from "../auth/access";
import { EmailTakenError, ForbiddenError, InvalidInputError } from "../errors";

export const newUserSchema = z.object({
  email: z.email({ error: "بريد إلكتروني غير صالح." }).trim().toLowerCase(),
  name: z
    .string()
    .trim()
    .min(1, { error: "الاسم مطلوب." })
    .max(80)
    .refine(storable, { error: UNSTORABLE_TEXT_MESSAGE }),
  role: z.enum(["ADMIN", "EDITOR", "AUTHOR"], { error: "الدور واحد من ADMIN أو EDITOR أو AUTHOR." }),
  bio: z
    .string()
    .trim()
    .max(500, { error: "النبذة أطول من ٥٠٠ حرف." })
    .refine(storable, { error: UNSTORABLE_TEXT_MESSAGE })
    .optional()
    .transform((bio) => bio || null),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, { error: `كلمة المرور ${PASSWORD_MIN_LENGTH} حرفًا على الأقل.` })
    .max(128),
});

export type NewUserField = keyof z.input<typeof newUserSchema>;

/**
 * Creates an editor's account the way Better Auth's email-and-password provider reads it: a user
 * row and a "credential" account holding the scrypt hash. For the operator's command line; public
 * sign-up is off.
 */
export async function createUser(
  input: Partial<Record<NewUserField, unknown>>,
): Promise<{ id: string; email: string; role: string }> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(z.flattenError(parsed.error).fieldErrors);
  const { email, name, role, password, bio } = parsed.data;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError();

  const id = randomUUID();
  const passwordHash = await hashPassword(password);
  return db.user.create({
    data: {
      id,
      email,
      name,
      role,
      bio,
      slug: await availableAuthorSlug(name),
      emailVerified: true,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: passwordHash } },
    },
    select: { id: true, email: true, role: true },
  });
}

/** An admin adds an account from the newsroom; the generated password is shown to them once. */
export async function addNewsroomUser(
  actor: NewsroomUser,
  input: Partial<Record<Exclude<NewUserField, "password">, unknown>>,
) {
  if (!canManageUsers(actor)) throw new ForbiddenError();
  const password = randomBytes(18).toString("base64url");
  const user = await createUser({ ...input, password });
  return { ...user, password };
}

export async function listUsers(actor: NewsroomUser) {
  if (!canManageUsers(actor)) throw new ForbiddenError();
  return db.user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, slug: true, bio: true, createdAt: true },
  });
}

const profileSchema = z.object({
  role: newUserSchema.shape.role,
  bio: newUserSchema.shape.bio,
});

/** Changes an account's role and bio. An admin cannot demote themselves (the last way back in). */
export async function updateNewsroomUser(
  actor: NewsroomUser,
  userId: string,
  input: Partial<Record<"role" | "bio", unknown>>,
) {
  if (!canManageUsers(actor)) throw new ForbiddenError();
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(z.flattenError(parsed.error).fieldErrors);
  if (userId === actor.id && parsed.data.role !== "ADMIN") {
    throw new InvalidInputError({ role: ["لا يمكنك إزالة صلاحية المدير عن حسابك."] });
  }
  const updated = await db.user
    .update({ where: { id: userId }, data: parsed.data, select: { id: true } })
    .catch(nullWhenNotFound);
  if (!updated) throw new InvalidInputError({ role: ["حساب غير موجود."] });
}

type AuthorAccount = { id: string; slug: string; created: boolean };

/** The account that has this address, if any: what an import's author would be. */
export async function existingAuthorAccount(email: string): Promise<AuthorAccount | null> {
  const parsed = newUserSchema.shape.email.safeParse(email);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data }, select: { id: true, slug: true } });
  return user ? { id: user.id, slug: user.slug ?? user.id, created: false } : null;
}

/**
 * The account of an author brought in by an import: the account that already has the address, or a
 * new AUTHOR account with no password (no credential at all), which cannot sign in until an admin
 * sets one. Null when the export gives no usable address: the import keeps the name as a byline.
 */
export async function importedAuthorAccount(author: { email: string; name: string }): Promise<AuthorAccount | null> {
  const parsed = newUserSchema.pick({ email: true, name: true }).safeParse(author);
  if (!parsed.success) return null;
  const existing = await existingAuthorAccount(parsed.data.email);
  if (existing) return existing;
  const { email, name } = parsed.data;
  const user = await db.user.create({
    data: {
      id: randomUUID(),
      email,
      name,
      role: "AUTHOR",
      slug: await availableAuthorSlug(name),
      emailVerified: false,
    },
    select: { id: true, slug: true },
  });
  return { id: user.id, slug: user.slug ?? user.id, created: true };
}
