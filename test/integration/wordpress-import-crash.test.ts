import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../../lib/db/client";
import { planItem } from "../../lib/import/wordpress/mapping";
import { readExport, scanExport } from "../../lib/import/wordpress/scan";
import { SITE_URL, writeWxrExport } from "../../scripts/bench/support/wxr-export";

const scratch = mkdtempSync(path.join(tmpdir(), "wordpress-crash-"));
const exportFile = path.join(scratch, "export.xml");

function runImport(): { exited: Promise<number | null>; kill: () => void } {
  const child = spawn(
    path.join("node_modules", ".bin", "tsx"),
    [
      "--conditions=react-server",
      "scripts/cli/import-wordpress.ts",
      exportFile,
      "--report",
      path.join(scratch, "report.json"),
    ],
    // Its own process group: SIGKILL reaches the node process tsx starts, not only tsx.
    { env: process.env, stdio: "ignore", detached: true },
  );
  return {
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
    kill: () => process.kill(-(child.pid as number), "SIGKILL"),
  };
}

/** What each post must be once imported: its comments and whom each answers, by WordPress id. */
async function expectedPosts(): Promise<Map<string, string[]>> {
  const scan = await scanExport(exportFile);
  const posts = new Map<string, string[]>();
  await readExport(exportFile, (entry) => {
    if (entry.kind !== "item") return Promise.resolve();
    const plan = planItem(entry.item, { ...scan.context, timeZone: "UTC" });
    if (plan.kind === "article")
      posts.set(
        plan.article.sourceUrl,
        plan.article.comments.map((comment) => `${comment.legacyId}>${comment.parentLegacyId ?? ""}`).sort(),
      );
    return Promise.resolve();
  });
  return posts;
}

async function storedPosts(): Promise<Map<string, string[]>> {
  const articles = await db.article.findMany({
    select: { sourceUrl: true, comments: { select: { legacyId: true, parent: { select: { legacyId: true } } } } },
  });
  return new Map(
    articles.map((article) => [
      article.sourceUrl as string,
      article.comments.map((comment) => `${comment.legacyId}>${comment.parent?.legacyId ?? ""}`).sort(),
    ]),
  );
}

test(
  "an import killed mid-run leaves no half post, and run again ends as one clean run would",
  { timeout: 180_000 },
  async () => {
    await writeWxrExport(exportFile, { posts: 240, comments: 900, authors: 5, categories: 6, tags: 40 });
    const expected = await expectedPosts();

    const first = runImport();
    while ((await db.article.count()) < 40) await sleep(20);
    first.kill();
    await first.exited;

    const afterKill = await storedPosts();
    assert.ok(afterKill.size >= 40 && afterKill.size < expected.size, `killed after ${afterKill.size} posts`);
    for (const [sourceUrl, comments] of afterKill) {
      assert.deepEqual(
        comments,
        expected.get(sourceUrl),
        `${sourceUrl} is whole: every comment or the post not at all`,
      );
    }

    const second = runImport();
    assert.equal(await second.exited, 0);
    const final = await storedPosts();
    assert.deepEqual(final, expected);
    assert.equal(await db.article.count({ where: { sourceUrl: { startsWith: SITE_URL } } }), expected.size);
  },
);
