import { RESPONSIVE_WIDTHS } from "./widths";

const ORIGINAL = /^\/media\/([a-z0-9-]+)\/original-(\d+)x(\d+)\.(jpg|png|webp|avif)$/;

export interface ResponsiveImage {
  width: number;
  height: number;
  srcSet: string;
}

/**
 * For an uploaded image's URL, its dimensions (in the file name) and the `srcset` of its WebP
 * copies; null for any other URL, which is then shown as it is.
 */
export function responsiveImage(url: string): ResponsiveImage | null {
  const match = ORIGINAL.exec(url);
  if (!match) return null;
  const [, key, width, height] = match;
  const copies = RESPONSIVE_WIDTHS.filter((copyWidth) => copyWidth < Number(width)).map(
    (copyWidth) => `/media/${key}/${copyWidth}.webp ${copyWidth}w`,
  );
  return { width: Number(width), height: Number(height), srcSet: [...copies, `${url} ${width}w`].join(", ") };
}

export function mediaKeyOf(url: string): string | null {
  return ORIGINAL.exec(url)?.[1] ?? null;
}
