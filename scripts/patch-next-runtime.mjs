// Run by postinstall after patch-package. One change to Next.js 16.4.6 that patch-package cannot
// carry: the runtimes `next start` loads are minified onto a few lines of up to 160 KB each, so its
// diff of a one-expression change would be ~450 KB of vendored code nobody could review.
//
// The change: Next's cache measures every entry it stores with `JSON.stringify(entry).length`,
// though only a fetch-cache entry's size is ever read (its 2 MB limit). For a page or a route
// handler's answer the entry holds the body as a Buffer, which JSON turns into a list of numbers
// several times the body's size: reading a 100,000-article sitemap cold put ~27 MB of such lists
// on the heap at once (peak RSS 269 → 236 MiB on a fresh server with the size measured only when
// read; README "Performance"). After the change the size is measured exactly when it is used.
//
// Each file either holds Next's expression once (it is rewritten), or holds it rewritten already,
// or, for a file that has the cache at all, neither: then the install stops, because another Next
// version needs this looked at again rather than silently running unpatched.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const NEXT_DIST = "node_modules/next/dist";

// Where Next's cache `set` lives: the production runtimes of the app router, and the unbundled
// module the server itself loads.
export const PATCHED_FILES = [
  "compiled/next-server/app-page.runtime.prod.js",
  "compiled/next-server/app-page-turbo.runtime.prod.js",
  "compiled/next-server/app-route.runtime.prod.js",
  "compiled/next-server/app-route-turbo.runtime.prod.js",
  "server/lib/incremental-cache/index.js",
  "esm/server/lib/incremental-cache/index.js",
];

// The size check names the cache's own message, so a file without it has no cache to patch.
const CACHE_MARKER = "items over 2MB can not be cached";

const REWRITES = [
  // Minified: let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152
  {
    original: /let (\w+)=JSON\.stringify\((\w+)\)\.length;if\((\w+)\.fetchCache&&\1>2097152/g,
    patched: /let \w+=\w+\.fetchCache\?JSON\.stringify\(\w+\)\.length:0;if\(\w+\.fetchCache&&\w+>2097152/,
    replace: (_match, size, entry, context) => `let ${size}=${context}.fetchCache?JSON.stringify(${entry}).length:0;if(${context}.fetchCache&&${size}>2097152`,
  },
  // Unbundled: const itemSize = JSON.stringify(data).length;
  {
    original: /const itemSize = JSON\.stringify\(data\)\.length;/g,
    patched: /const itemSize = ctx\.fetchCache \? JSON\.stringify\(data\)\.length : 0;/,
    replace: () => "const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;",
  },
];

/** The file's text with the size measured only for fetch-cache entries; null when already so. Throws when the file is not a shape it knows. */
export function measureOnlyFetchEntries(source, name) {
  if (!source.includes(CACHE_MARKER)) return null;
  for (const rewrite of REWRITES) {
    const found = source.match(rewrite.original)?.length ?? 0;
    if (found === 1) return source.replace(rewrite.original, rewrite.replace);
    if (found > 1) throw new Error(`${name}: Next's cache size expression found ${found} times, expected once`);
    if (rewrite.patched.test(source)) return null;
  }
  throw new Error(`${name}: Next's cache is here but not the size expression this patch knows (another Next version?): see scripts/patch-next-runtime.mjs`);
}

function patchInstalledNext(root) {
  for (const file of PATCHED_FILES) {
    const location = path.join(root, NEXT_DIST, file);
    const patched = measureOnlyFetchEntries(readFileSync(location, "utf8"), file);
    if (patched !== null) writeFileSync(location, patched);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    patchInstalledNext(process.cwd());
  } catch (error) {
    console.error(`patch-next-runtime: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
