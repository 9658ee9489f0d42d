import { mediaStorage } from "@/lib/media/library";

const CONTENT_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
};

/** Uploaded images. A file's URL never changes content (a new upload gets a new key): cache for a year. */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const segments = (await params).path;
  const extension = segments.at(-1)?.split(".").pop() ?? "";
  const contentType = CONTENT_TYPES[extension];
  const key = segments.join("/");
  const data = contentType && /^[a-z0-9-]+\/[a-z0-9.-]+$/.test(key) ? await mediaStorage.get(key) : null;
  if (!data) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(data), {
    headers: {
      "content-type": contentType,
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
