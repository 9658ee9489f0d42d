import "server-only";
import sharp, { type Metadata } from "sharp";
import { InvalidInputError } from "../errors";
import { RESPONSIVE_WIDTHS } from "./widths";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 50_000_000;
const MAX_STORED_WIDTH = 2400;

export type ImageFormat = "jpeg" | "png" | "webp" | "avif";

export interface ProcessedImage {
  format: ImageFormat;
  width: number;
  height: number;
  /** File name → bytes: `original-<w>x<h>.<ext>` plus `<width>.webp` copies narrower than it. */
  files: Map<string, Buffer>;
}

const refuse = (message: string) => new InvalidInputError({ file: [message] });

/** The format by the file's content (its magic bytes), never by its name or the browser's word. */
function detectFormat(metadata: Metadata): ImageFormat | null {
  if (metadata.format === "jpeg" || metadata.format === "png" || metadata.format === "webp") return metadata.format;
  if (metadata.format === "heif" && metadata.compression === "av1") return "avif";
  return null;
}

/**
 * Checks an upload and makes what is stored: the image turned upright and re-encoded without its
 * metadata (camera, GPS location), capped in width, plus WebP copies for responsive `srcset`.
 */
export async function processImage(data: Buffer): Promise<ProcessedImage> {
  if (data.length === 0) throw refuse("اختر صورة لرفعها.");
  if (data.length > MAX_UPLOAD_BYTES) throw refuse("الصورة أكبر من ١٠ ميغابايت.");
  let metadata: Metadata;
  try {
    metadata = await sharp(data, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw refuse("هذا الملف ليس صورة يمكن قراءتها.");
  }
  const format = detectFormat(metadata);
  if (!format) throw refuse("الصيغ المقبولة: JPEG وPNG وWebP وAVIF.");
  if (!metadata.width || !metadata.height || metadata.width * metadata.height > MAX_PIXELS) {
    throw refuse("أبعاد الصورة كبيرة جدًا.");
  }

  // Decoded once, upright and capped; every stored file is encoded from these pixels.
  const upright = await sharp(data, { limitInputPixels: MAX_PIXELS })
    .rotate()
    .resize({ width: MAX_STORED_WIDTH, withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = upright.info;
  const pixels = () => sharp(upright.data, { raw: { width, height, channels } });
  const original = await pixels().toFormat(format, { quality: 85 }).toBuffer();
  const files = new Map<string, Buffer>([
    [`original-${width}x${height}.${format === "jpeg" ? "jpg" : format}`, original],
  ]);
  for (const copyWidth of RESPONSIVE_WIDTHS.filter((candidate) => candidate < width)) {
    files.set(`${copyWidth}.webp`, await pixels().resize({ width: copyWidth }).webp({ quality: 80 }).toBuffer());
  }
  return { format, width, height, files };
}
