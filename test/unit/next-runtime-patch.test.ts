import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { measureOnlyFetchEntries, PATCHED_FILES } from "../../scripts/patch-next-runtime.mjs";

const MARKER = "`Failed to set Next.js data cache for ${e}, items over 2MB can not be cached (${i} bytes)`";

describe("Next's cache measures only the fetch entries whose size it reads (scripts/patch-next-runtime.mjs)", () => {
  test("the installed runtimes carry the change (postinstall ran)", () => {
    for (const file of PATCHED_FILES) {
      const source = readFileSync(path.join("node_modules/next/dist", file), "utf8");
      assert.equal(measureOnlyFetchEntries(source, file), null, `${file} is not patched: run npm ci (or node scripts/patch-next-runtime.mjs)`);
      assert.doesNotMatch(source, /(?:let \w+|const itemSize) = ?JSON\.stringify\(\w+\)\.length;/, file);
    }
  });

  test("rewrites the minified expression to measure only when the entry is a fetch's", () => {
    const source = `x;let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler){let t=${MARKER}}`;
    assert.equal(
      measureOnlyFetchEntries(source, "sample.js"),
      `x;let i=r.fetchCache?JSON.stringify(t).length:0;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler){let t=${MARKER}}`,
    );
  });

  test("rewrites the unbundled module's expression", () => {
    const source = `        const itemSize = JSON.stringify(data).length;\n        if (ctx.fetchCache && itemSize > 2 * 1024 * 1024) { warn(${MARKER}) }`;
    assert.equal(
      measureOnlyFetchEntries(source, "index.js"),
      `        const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;\n        if (ctx.fetchCache && itemSize > 2 * 1024 * 1024) { warn(${MARKER}) }`,
    );
  });

  test("leaves a file without Next's cache alone, and a patched one as it is", () => {
    assert.equal(measureOnlyFetchEntries("module.exports = 1;", "other.js"), null);
    const patched = `let i=r.fetchCache?JSON.stringify(t).length:0;if(r.fetchCache&&i>2097152){${MARKER}}`;
    assert.equal(measureOnlyFetchEntries(patched, "patched.js"), null);
  });

  test("stops the install when the cache is there in a shape it does not know", () => {
    assert.throws(() => measureOnlyFetchEntries(`const size = sizeOf(entry); if (size > LIMIT) warn(${MARKER})`, "newer.js"), /another Next version/);
    const twice = `let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152){}let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152){${MARKER}}`;
    assert.throws(() => measureOnlyFetchEntries(twice, "twice.js"), /found 2 times/);
  });
});
