import "server-only";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { hasUnstorableCharacters, UNSTORABLE_TEXT_MESSAGE } from "../storable-text";
import { canDeleteMedia, canUploadMedia, type NewsroomUser } from "../auth/access";
import { db } from "../db/client";
import { ForbiddenError, InvalidInputError, MediaInUseError } from "../errors";
import { processImage } from "./images";
import { localDiskStorage } from "./local-disk";
import type { MediaStorage } from "./storage";

export const mediaStorage: MediaStorage = localDiskStorage(process.env.MEDIA_DIR ?? path.resolve("data", "media"));

const altSchema = z
  .string()
  .trim()
  .max(300, { error: "النص البديل أطول من ٣٠٠ حرف." })
  .refine((alt) => !hasUnstorableCharacters(alt), { error: UNSTORABLE_TEXT_MESSAGE });

export interface MediaItem {
  id: number;
  url: string;
  alt: string;
  width: number;
  height: number;
  originalName: string;
  createdAt: Date;
}

const originalFileOf = (media: { key: string; format: string; width: number; height: number }) =>
  `original-${media.width}x${media.height}.${media.format === "jpeg" ? "jpg" : media.format}`;
const urlOf = (media: { key: string; format: string; width: number; height: number }) =>
  `/media/${media.key}/${originalFileOf(media)}`;

/** Stores an upload after checking its content; nothing is written when it is refused. */
export async function uploadImage(
  actor: NewsroomUser,
  file: { name: string; data: Buffer },
  alt: unknown,
): Promise<MediaItem> {
  if (!canUploadMedia(actor)) throw new ForbiddenError();
  const parsedAlt = altSchema.safeParse(alt ?? "");
  if (!parsedAlt.success) throw new InvalidInputError({ alt: parsedAlt.error.issues.map((issue) => issue.message) });
  return storeImage({ ...file, alt: parsedAlt.data, uploadedById: actor.id, sourceUrl: null });
}

/**
 * An image file of the site an import replaces, through the same checks and processing as an
 * upload; a file already imported from `sourceUrl` is that item. For the operator's import (lib/import).
 */
export async function importImage(file: {
  name: string;
  data: Buffer;
  alt: string;
  sourceUrl: string;
}): Promise<MediaItem> {
  const known = await db.media.findUnique({ where: { sourceUrl: file.sourceUrl } });
  if (known) return { ...known, url: urlOf(known) };
  const alt = altSchema.safeParse(file.alt);
  return storeImage({ ...file, alt: alt.success ? alt.data : "", uploadedById: null });
}

async function storeImage(file: {
  name: string;
  data: Buffer;
  alt: string;
  uploadedById: string | null;
  sourceUrl: string | null;
}): Promise<MediaItem> {
  const image = await processImage(file.data);
  const key = randomUUID();
  try {
    for (const [name, data] of image.files) await mediaStorage.put(`${key}/${name}`, data);
    const media = await db.media.create({
      data: {
        key,
        originalName: file.name.slice(0, 200),
        format: image.format,
        width: image.width,
        height: image.height,
        bytes: file.data.length,
        alt: file.alt,
        uploadedById: file.uploadedById,
        sourceUrl: file.sourceUrl,
      },
    });
    return { ...media, url: urlOf(media) };
  } catch (error) {
    await mediaStorage.removeAll(key);
    throw error;
  }
}

export const MEDIA_PAGE_SIZE = 48;

export async function listMedia(actor: NewsroomUser, page = 1): Promise<{ items: MediaItem[]; pageCount: number }> {
  if (!canUploadMedia(actor)) throw new ForbiddenError();
  const [rows, total] = await Promise.all([
    db.media.findMany({
      orderBy: { id: "desc" },
      skip: (Math.max(1, page) - 1) * MEDIA_PAGE_SIZE,
      take: MEDIA_PAGE_SIZE,
    }),
    db.media.count(),
  ]);
  return {
    items: rows.map((row) => ({ ...row, url: urlOf(row) })),
    pageCount: Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE)),
  };
}

/** Refuses while any article (trashed ones too) shows the image as its lead or in its body. */
export async function deleteMedia(actor: NewsroomUser, id: number): Promise<void> {
  if (!canDeleteMedia(actor)) throw new ForbiddenError();
  const media = await db.media.findUnique({ where: { id } });
  if (!media) return;
  const prefix = `/media/${media.key}/`;
  const users = await db.article.findMany({
    where: { OR: [{ leadImageUrl: { startsWith: prefix } }, { body: { contains: prefix } }] },
    select: { headline: true },
    take: 5,
  });
  if (users.length) throw new MediaInUseError(users.map((article) => article.headline));
  await db.media.delete({ where: { id } });
  await mediaStorage.removeAll(media.key);
}
