import sharp from "sharp";

/** A real JPEG of the given size, as a camera would hand it to the upload form. */
export function testPhoto(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 140 } } })
    .jpeg()
    .toBuffer();
}
