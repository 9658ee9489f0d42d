import "server-only";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MediaStorage } from "./storage";

const SAFE_KEY = /^[a-z0-9-]+(\/[a-z0-9.-]+)*$/;

/** Media on local disk, in a folder outside the build output (MEDIA_DIR, default data/media). */
export function localDiskStorage(root: string): MediaStorage {
  const resolve = (key: string) => {
    // Keys never come from clients unchecked, but a path must never escape the media folder.
    if (!SAFE_KEY.test(key) || key.split("/").includes("..")) throw new Error(`invalid media key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch {
        return null;
      }
    },
    async removeAll(prefix) {
      await rm(resolve(prefix), { recursive: true, force: true });
    },
  };
}
