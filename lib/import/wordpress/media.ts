import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { DomainError, InvalidInputError } from "../../errors";
import { importImage } from "../../media/library";
import { MAX_UPLOAD_BYTES } from "../../media/images";

/*
 * The old site's images brought into the portal's media library (content-checked, metadata
 * stripped, responsive sizes: the upload's own pipeline), from a copy of `wp-content/uploads` or
 * downloaded from where it is served. A size variant (`photo-300x200.jpg`) is the original it was
 * cut from, so a photo used at three sizes is imported once; a file imported by an earlier run is
 * not imported again.
 */

export interface MediaSource {
  /** A copy of the site's `wp-content/uploads`. */
  folder?: string;
  /** Where `wp-content/uploads` is served from (`https://example.com/wp-content/uploads/`). */
  baseUrl?: string;
}

export type ResolvedImage = { url: string } | { missing: string };

const UPLOADS = "/wp-content/uploads/";
const SIZE_VARIANT = /-\d{2,5}x\d{2,5}(?=\.[a-z0-9]+$)/i;
const DOWNLOAD_TIMEOUT_MS = 30_000;

/** The file's path under uploads, for an address on the old site's uploads; null for any other. */
export function uploadsPath(address: string, siteUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(address, siteUrl);
  } catch {
    return null;
  }
  const at = url.pathname.indexOf(UPLOADS);
  if (at < 0 || url.hostname.replace(/^www\./, "") !== new URL(siteUrl).hostname.replace(/^www\./, "")) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname.slice(at + UPLOADS.length));
  } catch {
    return null;
  }
  const parts = relative.split("/");
  return parts.some((part) => part === "" || part === "." || part === "..") ? null : parts.join("/");
}

const encodedPath = (relative: string) => relative.split("/").map(encodeURIComponent).join("/");

export class MediaImporter {
  private readonly done = new Map<string, Promise<ResolvedImage>>();

  constructor(
    private readonly source: MediaSource,
    private readonly siteUrl: string,
    private readonly dryRun: boolean,
  ) {}

  /** True when an address is on the old site's uploads, so the import must bring it in. */
  isOldSiteImage(address: string): boolean {
    return uploadsPath(address, this.siteUrl) !== null;
  }

  resolve(address: string, alt: string): Promise<ResolvedImage> {
    const relative = uploadsPath(address, this.siteUrl);
    if (relative === null) return Promise.resolve({ missing: `${address} is not on the site's uploads` });
    const original = relative.replace(SIZE_VARIANT, "");
    const key = original;
    let result = this.done.get(key);
    if (!result) {
      result = this.bring(original === relative ? [relative] : [original, relative], alt);
      this.done.set(key, result);
    }
    return result;
  }

  private async bring(candidates: string[], alt: string): Promise<ResolvedImage> {
    if (!this.source.folder && !this.source.baseUrl) {
      return { missing: `${candidates[0]}: no media source given (--media or --media-base-url)` };
    }
    const reasons: string[] = [];
    for (const relative of candidates) {
      const sourceUrl = new URL(`${UPLOADS}${encodedPath(relative)}`, this.siteUrl).href;
      const data = await this.read(relative).catch((error: Error) => {
        reasons.push(`${relative}: ${error.message}`);
        return null;
      });
      if (data === null) continue;
      if (this.dryRun) return { url: sourceUrl };
      try {
        const media = await importImage({ name: path.basename(relative), data, alt, sourceUrl });
        return { url: media.url };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const detail =
          error instanceof InvalidInputError ? Object.values(error.fieldErrors).flat().join(" ") : error.message;
        reasons.push(`${relative}: refused by the media checks (${detail})`);
      }
    }
    return { missing: reasons.join("; ") };
  }

  /** The file's bytes (in a dry run, an empty buffer once it is known to exist): the folder's copy first. */
  private async read(relative: string): Promise<Buffer> {
    const local = this.source.folder ? await this.fromFolder(this.source.folder, relative) : null;
    if (local) return local;
    if (!this.source.baseUrl) throw new Error("not in the media folder");
    return this.download(relative);
  }

  /** The file from the folder, or null when the folder has none. */
  private async fromFolder(folder: string, relative: string): Promise<Buffer | null> {
    const root = path.resolve(folder);
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) throw new Error("outside the media folder");
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    if (info.size > MAX_UPLOAD_BYTES) throw new Error("larger than 10 MB");
    return this.dryRun ? Buffer.alloc(0) : readFile(file);
  }

  private async download(relative: string): Promise<Buffer> {
    const base = this.source.baseUrl as string;
    const url = new URL(encodedPath(relative), base.endsWith("/") ? base : `${base}/`);
    if (this.dryRun) return Buffer.alloc(0);
    const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: "follow" });
    if (!response.ok || !response.body) throw new Error(`download answered HTTP ${response.status}`);
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > MAX_UPLOAD_BYTES) throw new Error("larger than 10 MB");
    const chunks: Buffer[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.length;
      if (size > MAX_UPLOAD_BYTES) {
        await reader.cancel();
        throw new Error("larger than 10 MB");
      }
      chunks.push(Buffer.from(read.value));
    }
    return Buffer.concat(chunks);
  }
}
