import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { applyChange, CHANGES } from "../../scripts/install/patch-next-runtime.mjs";

const change = (name: string) => {
  const found = CHANGES.find((candidate) => candidate.name.startsWith(name));
  assert.ok(found, name);
  return found;
};
const DATED = change("cache entries dated");
const SIZED = change("cache entry sizes");

// The code each change rewrites, as Next 16.4.6's minified runtimes have it (names as in app-page-turbo).
const RESPONSE_CACHE =
  'async handleRevalidate(e,t,r,n,a,i,s){let o;try{let l=await a({hasResolved:s,previousCacheEntry:i,isRevalidating:!0});if(!l)return null;if("error"in l)o=l;else{let a=await rO({...l,isMiss:!i});return a.cacheControl&&!this.minimal_mode&&await t.set(e,a.value,{...this.getCacheContext(r,n),cacheControl:a.cacheControl}),a}}catch(a){throw a}}';
const FILE_SYSTEM_CACHE =
  'async set(e,t,r){var n;let a=r.fetchCache?void 0:r.cacheControl,i=this.getSeedReadState(e);if(i&&i.version++,null==(n=oB.memoryCache)||n.set(e,{value:t,lastModified:Date.now(),cacheControl:a}),oB.debug&&console.log("FileSystemCache: set",e),!this.flushToDisk||!t)return;' +
  "if(t.kind===rC.APP_ROUTE){let r=this.getFilePath(`${e}.body`,rE.APP_ROUTE);s.append(r,t.body);let n={headers:t.headers,status:t.status,postponed:void 0,segmentPaths:void 0,prefetchHints:void 0,cacheControl:a};s.append(r.replace(/\\.body$/,te.EP),JSON.stringify(n,null,2))}" +
  "else{let r={headers:t.headers,status:t.status,postponed:t.postponed,segmentPaths:e,prefetchHints:void 0,cacheControl:a};s.append(i.replace(/\\.html$/,te.EP),JSON.stringify(r))}}";
const SIZE_CHECK = "let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler){}";

describe("Next's runtimes as scripts/install/patch-next-runtime.mjs leaves them", () => {
  test("the installed runtimes carry every change (postinstall ran)", () => {
    for (const { name, files, made } of CHANGES) {
      for (const file of files) {
        const source = readFileSync(path.join("node_modules/next/dist", file), "utf8");
        assert.match(
          source,
          made,
          `${file} lacks "${name}": run npm ci (or node scripts/install/patch-next-runtime.mjs)`,
        );
      }
    }
  });

  test("the response cache passes when the render began, and the file-system cache dates the entry by it", () => {
    const patched = applyChange(DATED, RESPONSE_CACHE + FILE_SYSTEM_CACHE, "runtime.js");
    assert.ok(patched);
    assert.ok(patched.includes("{let o,renderStartedAt=Date.now();try{"));
    assert.ok(patched.includes("cacheControl:a.cacheControl,renderStartedAt}),a}"));
    // Kept under its own name before `r` (the context) is reused by the body for a file path.
    assert.ok(
      patched.includes(
        "async set(e,t,r){var n;let renderStartedAt=r.renderStartedAt,a=r.fetchCache?void 0:r.cacheControl,",
      ),
    );
    assert.ok(patched.includes("n.set(e,{value:t,lastModified:renderStartedAt??Date.now(),cacheControl:a})"));
    assert.equal(patched.split("cacheControl:a,routeCacheLastModified:renderStartedAt};").length - 1, 2);
    assert.ok(patched.includes("s.append(r.replace(/\\.body$/,te.EP)"));
    assert.ok(patched.includes("s.append(i.replace(/\\.html$/,te.EP)"));
    // The result is still JavaScript.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- parsing the patched code is the check; it never runs
    assert.doesNotThrow(() => new Function(`return class { ${patched} }`));
  });

  test("the size of an entry is measured only for a fetch entry, minified or not", () => {
    assert.equal(
      applyChange(SIZED, SIZE_CHECK, "runtime.js"),
      "let i=r.fetchCache?JSON.stringify(t).length:0;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler){}",
    );
    assert.equal(
      applyChange(SIZED, "        const itemSize = JSON.stringify(data).length;\n", "index.js"),
      "        const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;\n",
    );
  });

  test("leaves a file with the change made as it is", () => {
    const once = applyChange(DATED, RESPONSE_CACHE + FILE_SYSTEM_CACHE, "runtime.js");
    assert.ok(once);
    assert.equal(applyChange(DATED, once, "runtime.js"), null);
    const sized = applyChange(SIZED, SIZE_CHECK, "runtime.js");
    assert.ok(sized);
    assert.equal(applyChange(SIZED, sized, "runtime.js"), null);
  });

  test("stops the install when the code is not as this Next version has it", () => {
    assert.throws(
      () => applyChange(DATED, RESPONSE_CACHE, "runtime.js"),
      /expected 1 × .*found 0 \(another Next version\?\)/,
    );
    assert.throws(() => applyChange(SIZED, "const size = sizeOf(entry);", "runtime.js"), /another Next version/);
    assert.throws(() => applyChange(SIZED, SIZE_CHECK + SIZE_CHECK, "runtime.js"), /found 2/);
  });
});
