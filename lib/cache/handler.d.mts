// The part of the handler Next (and its test) call, in the shapes this portal stores: pages.
interface CacheControl {
  revalidate: number | false;
  expire?: number;
}

interface StoredEntry {
  lastModified: number;
  cacheControl?: CacheControl;
  value: ({ kind: string; html?: string } & Record<string, unknown>) | null;
}

export default class PortalCacheHandler {
  constructor(context: { serverDistDir: string; dev: boolean });
  get(cacheKey: string, ctx?: { kind?: string; softTags?: string[] }): Promise<StoredEntry | null>;
  set(
    cacheKey: string,
    value: { kind: string } & Record<string, unknown>,
    ctx: { cacheControl?: CacheControl; renderStartedAt?: number },
  ): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
}
