import "server-only";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { decompress } from "wawoff2";

export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

const FONT_WOFF2 = path.resolve(
  "node_modules",
  "@fontsource",
  "noto-naskh-arabic",
  "files",
  "noto-naskh-arabic-arabic-700-normal.woff2",
);

let fontFile: Promise<string> | undefined;

/**
 * The self-hosted Arabic font as a TrueType file, which is what Pango (sharp's text renderer)
 * loads. @fontsource ships WOFF/WOFF2 only; wawoff2 (Google's decoder) unpacks WOFF2 losslessly,
 * keeping the GSUB/GPOS tables Arabic letters need to join. Done once per process.
 */
export function shareImageFont(): Promise<string> {
  fontFile ??= (async () => {
    const file = path.join(tmpdir(), "portal-noto-naskh-arabic-700.ttf");
    if (!existsSync(file)) await writeFile(file, await decompress(await readFile(FONT_WOFF2)));
    return file;
  })();
  return fontFile;
}

/** Pango markup is XML: text must not be read as markup. */
function pangoText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

async function textLayer(
  markup: string,
  box: { width: number; height: number; size: number },
): Promise<{ data: Buffer; width: number }> {
  const render = async (fitHeight?: number) =>
    sharp({
      text: {
        text: markup,
        font: `Noto Naskh Arabic ${box.size}`,
        fontfile: await shareImageFont(),
        width: box.width,
        // With a height, sharp fits the text to the box (growing it too), so it is given only to shrink.
        ...(fitHeight ? { height: fitHeight } : { dpi: 72 }),
        // Pango mirrors alignment for right-to-left paragraphs: "left" puts each line at the right edge.
        align: "left",
        rgba: true,
        wrap: "word",
      },
    })
      .png()
      .toBuffer({ resolveWithObject: true });
  let { data, info } = await render();
  if (info.height > box.height) ({ data, info } = await render(box.height));
  return { data, width: info.width };
}

/**
 * The share card of an article that has no photo: its headline, shaped and right-to-left in the
 * site's Arabic typeface, under the site name and section. A long headline is fitted to its box.
 */
export async function renderShareImage({
  headline,
  section,
  siteName,
}: {
  headline: string;
  section: string | null;
  siteName: string;
}): Promise<Buffer> {
  const margin = 80;
  const masthead = await textLayer(
    `<span foreground="#8b1e1e" weight="bold">${pangoText(siteName)}</span>${section ? `<span foreground="#595959">  ·  ${pangoText(section)}</span>` : ""}`,
    { width: SHARE_IMAGE_WIDTH - 2 * margin, height: 70, size: 40 },
  );
  const title = await textLayer(`<span foreground="#1b1b1b" weight="bold">${pangoText(headline)}</span>`, {
    width: SHARE_IMAGE_WIDTH - 2 * margin,
    height: 380,
    size: 60,
  });
  return sharp({ create: { width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT, channels: 4, background: "#ffffff" } })
    .composite([
      {
        input: { create: { width: SHARE_IMAGE_WIDTH, height: 16, channels: 4, background: "#8b1e1e" } },
        top: 0,
        left: 0,
      },
      { input: masthead.data, top: 60, left: SHARE_IMAGE_WIDTH - margin - masthead.width },
      { input: title.data, top: 170, left: SHARE_IMAGE_WIDTH - margin - title.width },
    ])
    .png()
    .toBuffer();
}
