// Run by postinstall after patch-package: the changes to Next.js 16.4.6 that patch-package cannot
// carry readably. `next start` renders the app router's pages and routes through caches bundled in
// runtimes minified onto a few lines of up to 160 KB each (compiled/next-server/*.runtime.prod.js),
// not through the unbundled copies of the same modules that patches/next+16.4.6.patch edits (checked
// with Next's cache debug log). A patch file of a one-expression change there would be ~450 KB of
// vendored code nobody could review, so each change here is a few exact rewrites instead:
//
// 1. Entries dated by when their render began. Next dates a cached page when it is stored, so a
//    page whose render began before a change, and read the old data, counted as fresh for its whole
//    revalidate period (an hour): shown on PostgreSQL by e2e/tests/postgresql/, which fails without
//    this. Now the response cache notes when the render began and the file-system cache keeps that
//    date, so such a page is stale when stored and the next request renders it again.
// 2. Entry sizes measured only where read. Next measures every entry it stores with
//    `JSON.stringify(entry).length`, though only a fetch entry's size is ever read (its 2 MB
//    limit). A page's or a route's body is a Buffer, which JSON writes as a list of numbers several
//    times its size: reading a 100,000-article sitemap cold put ~27 MB of such lists on the heap at
//    once (peak RSS 269 → 236 MiB; README "Performance").
//
// A file holds each change either not yet made (every rewrite then finds its code exactly as often
// as expected) or made already (left alone). Anything else stops the install: another Next version
// needs these looked at again rather than silently running without them.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const NEXT_DIST = "node_modules/next/dist";

/** The production runtimes of the app router, for Turbopack and webpack builds. */
const APP_RUNTIMES = ["app-page", "app-page-turbo", "app-route", "app-route-turbo"].map(
  (name) => `compiled/next-server/${name}.runtime.prod.js`,
);

export const CHANGES = [
  {
    name: "cache entries dated by when their render began",
    files: APP_RUNTIMES,
    made: /renderStartedAt/,
    rewrites: [
      // ResponseCache.handleRevalidate: note the time before the render and pass it to the cache.
      {
        find: /(async handleRevalidate\((\w+),(\w+),(\w+),(\w+),\w+,\w+,\w+\)\{let \w+)(;try\{[^]*?await \3\.set\(\2,(\w+)\.value,\{\.\.\.this\.getCacheContext\(\4,\5\),cacheControl:\7\.cacheControl)\}\)/g,
        replace: "$1,renderStartedAt=Date.now()$6,renderStartedAt})",
        times: 1,
      },
      // FileSystemCache.set: keep it before its context's name is reused by the body.
      {
        find: /async set\((\w+),(\w+),(\w+)\)\{var (\w+);let (\w+)=\3\.fetchCache\?void 0:\3\.cacheControl,/g,
        replace:
          "async set($1,$2,$3){var $4;let renderStartedAt=$3.renderStartedAt,$5=$3.fetchCache?void 0:$3.cacheControl,",
        times: 1,
      },
      // …as the in-memory entry's date,
      {
        find: /lastModified:Date\.now\(\),cacheControl:(\w+)\}\),(\w+)\.debug&&console\.log\("FileSystemCache: set"/g,
        replace:
          'lastModified:renderStartedAt??Date.now(),cacheControl:$1}),$2.debug&&console.log("FileSystemCache: set"',
        times: 1,
      },
      // …and in the metadata of the route's and the page's files on disk, which Next reads back as the date.
      {
        find: /prefetchHints:void 0,cacheControl:(\w+)\};(\w+)\.append\((\w+)\.replace\(\/\\\.(body|html)\$\//g,
        replace:
          "prefetchHints:void 0,cacheControl:$1,routeCacheLastModified:renderStartedAt};$2.append($3.replace(/\\.$4$/",
        times: 2,
      },
    ],
  },
  {
    name: "cache entry sizes measured only for fetch entries",
    files: [...APP_RUNTIMES, "server/lib/incremental-cache/index.js", "esm/server/lib/incremental-cache/index.js"],
    made: /let \w+=\w+\.fetchCache\?JSON\.stringify\(\w+\)\.length:0;|const itemSize = ctx\.fetchCache \? JSON\.stringify\(data\)\.length : 0;/,
    rewrites: [
      {
        // Minified: let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152 — unbundled: const itemSize = JSON.stringify(data).length;
        find: /let (\w+)=JSON\.stringify\((\w+)\)\.length;if\((\w+)\.fetchCache&&\1>2097152|const itemSize = JSON\.stringify\(data\)\.length;/g,
        replace: (match, size, entry, context) =>
          size === undefined
            ? "const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;"
            : `let ${size}=${context}.fetchCache?JSON.stringify(${entry}).length:0;if(${context}.fetchCache&&${size}>2097152`,
        times: 1,
      },
    ],
  },
];

/** The file's text with `change` made; null when it is made already. Throws when the file is not a shape it knows. */
export function applyChange(change, source, fileName) {
  if (change.made.test(source)) return null;
  return change.rewrites.reduce((text, rewrite) => {
    const found = text.match(rewrite.find)?.length ?? 0;
    if (found !== rewrite.times) {
      throw new Error(
        `${fileName}: "${change.name}": expected ${rewrite.times} × ${rewrite.find.source.slice(0, 60)}…, found ${found} (another Next version?): see scripts/install/patch-next-runtime.mjs`,
      );
    }
    return text.replace(rewrite.find, rewrite.replace);
  }, source);
}

/** Each file read and written once, with every change that concerns it. */
function patchInstalledNext(root) {
  for (const file of new Set(CHANGES.flatMap((change) => change.files))) {
    const location = path.join(root, NEXT_DIST, file);
    const original = readFileSync(location, "utf8");
    const patched = CHANGES.filter((change) => change.files.includes(file)).reduce(
      (text, change) => applyChange(change, text, file) ?? text,
      original,
    );
    if (patched !== original) writeFileSync(location, patched);
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
