import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import sharp from "sharp";
import {
  renderShareImage,
  SHARE_IMAGE_HEIGHT,
  SHARE_IMAGE_WIDTH,
  shareImageFont,
} from "../../lib/distribution/share-image";

function tableTags(ttf: Buffer): string[] {
  return Array.from({ length: ttf.readUInt16BE(4) }, (_, index) =>
    ttf.toString("latin1", 12 + index * 16, 16 + index * 16),
  );
}

describe("the share card", () => {
  test("uses the self-hosted font unpacked with the tables that join Arabic letters", async () => {
    const tags = tableTags(readFileSync(await shareImageFont()));
    for (const table of ["GSUB", "GPOS", "GDEF", "cmap", "glyf"])
      assert.ok(tags.includes(table), `${table} missing: ${tags.join(" ")}`);
  });

  test("is a 1200×630 PNG with the headline drawn in the right half first (right to left)", async () => {
    const png = await renderShareImage({
      headline: "الولايات المتحدة تطالب روسيا",
      section: "متابعات",
      siteName: "المرصد",
    });
    const { width, height, format } = await sharp(png).metadata();
    assert.deepEqual(
      { width, height, format },
      { width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT, format: "png" },
    );
    // The headline's short single line is aligned to the right edge: ink on the right, none far left.
    const headlineBand = await sharp(png)
      .extract({ left: 0, top: 170, width: SHARE_IMAGE_WIDTH, height: 120 })
      .greyscale()
      .raw()
      .toBuffer();
    const darkIn = (from: number, to: number) => {
      let dark = 0;
      for (let row = 0; row < 120; row += 1)
        for (let column = from; column < to; column += 1)
          if (headlineBand[row * SHARE_IMAGE_WIDTH + column] < 100) dark += 1;
      return dark;
    };
    assert.ok(darkIn(700, 1120) > 1000, "the headline should sit at the right");
    assert.equal(darkIn(0, 300), 0);
  });

  test("treats markup in a headline as text", async () => {
    const png = await renderShareImage({
      headline: "عنوان <b>غليظ</b> & <span foreground='red'>",
      section: null,
      siteName: "المرصد",
    });
    assert.equal((await sharp(png).metadata()).width, SHARE_IMAGE_WIDTH);
  });
});
