import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import sharp from "sharp";
import { db } from "../../lib/db/client";
import { ForbiddenError, InvalidInputError, MediaInUseError } from "../../lib/errors";
import { deleteMedia, listMedia, mediaStorage, uploadImage } from "../../lib/media/library";
import { responsiveImage } from "../../lib/media/urls";
import { createArticle, createNewsroomUser } from "../support/factories";

const mediaDir = () => process.env.MEDIA_DIR ?? "";

function photo(width: number, height: number, format: "jpeg" | "png" | "webp" | "avif" | "gif" = "jpeg") {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 40 } } })
    .toFormat(format)
    .toBuffer();
}

function refusesFile(promise: Promise<unknown>, message: RegExp) {
  return assert.rejects(promise, (error) => {
    assert.ok(error instanceof InvalidInputError, String(error));
    assert.match(error.fieldErrors.file.join(" "), message);
    return true;
  });
}

describe("uploading an image", () => {
  test("stores it without its metadata, with responsive WebP copies narrower than it", async () => {
    const editor = await createNewsroomUser("AUTHOR");
    const withGps = await sharp(await photo(2000, 1000))
      .withExif({ IFD0: { Copyright: "secret camera owner" }, IFD3: { GPSLatitudeRef: "N" } })
      .jpeg()
      .toBuffer();
    assert.ok((await sharp(withGps).metadata()).exif);

    const media = await uploadImage(editor, { name: "غزة.jpg", data: withGps }, "  مبنى بعد القصف ");
    assert.match(media.url, /^\/media\/[a-z0-9-]+\/original-2000x1000\.jpg$/);
    assert.equal(media.alt, "مبنى بعد القصف");
    const key = media.url.split("/")[2];
    assert.deepEqual(readdirSync(path.join(mediaDir(), key)).sort(), [
      "1600.webp",
      "480.webp",
      "960.webp",
      "original-2000x1000.jpg",
    ]);

    const stored = await mediaStorage.get(`${key}/original-2000x1000.jpg`);
    assert.ok(stored);
    assert.equal((await sharp(stored).metadata()).exif, undefined);
    assert.equal((await sharp((await mediaStorage.get(`${key}/480.webp`)) ?? Buffer.alloc(0)).metadata()).width, 480);
    assert.deepEqual(responsiveImage(media.url), {
      width: 2000,
      height: 1000,
      srcSet: `/media/${key}/480.webp 480w, /media/${key}/960.webp 960w, /media/${key}/1600.webp 1600w, ${media.url} 2000w`,
    });
  });

  test("judges the format by content, not by the file name", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const pngNamedJpg = await uploadImage(editor, { name: "photo.jpg", data: await photo(300, 200, "png") }, "");
    assert.match(pngNamedJpg.url, /original-300x200\.png$/);
    const avif = await uploadImage(editor, { name: "a.avif", data: await photo(320, 240, "avif") }, "");
    assert.match(avif.url, /original-320x240\.avif$/);
  });

  test("turns a photo upright and caps its width", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const sideways = await sharp(await photo(600, 400))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    assert.match((await uploadImage(editor, { name: "s.jpg", data: sideways }, "")).url, /original-400x600\.jpg$/);
    assert.match(
      (await uploadImage(editor, { name: "big.png", data: await photo(3000, 1000, "png") }, "")).url,
      /original-2400x800\.png$/,
    );
  });

  test("refuses what is not an accepted image, and writes nothing", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const before = {
      rows: await db.media.count(),
      folders: existsSync(mediaDir()) ? readdirSync(mediaDir()).length : 0,
    };
    await refusesFile(
      uploadImage(editor, { name: "evil.png", data: Buffer.from("<script>alert(1)</script>") }, ""),
      /ليس صورة/,
    );
    await refusesFile(
      uploadImage(editor, { name: "anim.gif", data: await photo(10, 10, "gif") }, ""),
      /JPEG وPNG وWebP وAVIF/,
    );
    await refusesFile(
      uploadImage(editor, { name: "huge.jpg", data: Buffer.alloc(10 * 1024 * 1024 + 1) }, ""),
      /أكبر من ١٠ ميغابايت/,
    );
    await refusesFile(uploadImage(editor, { name: "", data: Buffer.alloc(0) }, ""), /اختر صورة/);
    assert.equal(await db.media.count(), before.rows);
    assert.equal(existsSync(mediaDir()) ? readdirSync(mediaDir()).length : 0, before.folders);
  });
});

describe("the media library", () => {
  test("refuses to delete an image an article uses, and deletes it once unused", async () => {
    const editor = await createNewsroomUser("EDITOR");
    const media = await uploadImage(editor, { name: "lead.jpg", data: await photo(800, 450) }, "");
    const article = await createArticle({ headline: "خبر بصورة" });
    await db.article.update({ where: { id: article.id }, data: { leadImageUrl: media.url } });

    await assert.rejects(deleteMedia(editor, media.id), (error) => {
      assert.ok(error instanceof MediaInUseError);
      assert.match(error.publicMessage, /خبر بصورة/);
      return true;
    });
    assert.ok(await db.media.findUnique({ where: { id: media.id } }));

    await db.article.update({ where: { id: article.id }, data: { leadImageUrl: null } });
    await deleteMedia(editor, media.id);
    assert.equal(await db.media.findUnique({ where: { id: media.id } }), null);
    assert.equal(existsSync(path.join(mediaDir(), media.url.split("/")[2])), false);
  });

  test("an author may upload and browse but not delete", async () => {
    const author = await createNewsroomUser("AUTHOR");
    const media = await uploadImage(author, { name: "a.webp", data: await photo(200, 200, "webp") }, "");
    assert.ok((await listMedia(author)).items.some((item) => item.id === media.id));
    await assert.rejects(deleteMedia(author, media.id), ForbiddenError);
    assert.ok(await db.media.findUnique({ where: { id: media.id } }));
  });
});
