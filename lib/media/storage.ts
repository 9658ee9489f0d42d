/**
 * Where media files live. Local disk today; an object store (S3, R2…) implements the same three
 * calls. Keys are relative paths like `3f2a…/960.webp`, made by the app, never by a client.
 */
export interface MediaStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  /** Removes every file under `prefix/`. */
  removeAll(prefix: string): Promise<void>;
}
