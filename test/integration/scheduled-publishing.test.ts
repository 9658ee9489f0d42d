import assert from "node:assert/strict";
import { test } from "node:test";
import { nextScheduledPublication, scheduledArticlesDue } from "../../lib/articles/scheduling";
import { db } from "../../lib/db/client";

const body = JSON.stringify({ version: 1, blocks: [{ type: "paragraph", text: "نص" }] });
const at = (iso: string) => new Date(iso);

async function article(
  slug: string,
  status: "DRAFT" | "SCHEDULED" | "PUBLISHED",
  publishedAt: Date | null,
  deletedAt: Date | null = null,
) {
  await db.article.create({ data: { slug, headline: slug, body, status, publishedAt, deletedAt } });
}

test("the articles that came due in a window, and when the next one is due", async () => {
  await article("due-first", "SCHEDULED", at("2030-01-01T08:00:00.000Z"));
  await article("due-second", "SCHEDULED", at("2030-01-01T08:00:30.000Z"));
  await article("later", "SCHEDULED", at("2030-01-01T09:00:00.000Z"));
  await article("already-published", "PUBLISHED", at("2030-01-01T08:00:10.000Z"));
  await article("in-the-trash", "SCHEDULED", at("2030-01-01T08:00:20.000Z"), at("2029-12-31T00:00:00.000Z"));
  await article("a-draft", "DRAFT", at("2030-01-01T08:00:40.000Z"));

  // (after, until]: an article due exactly at the end of one window is not counted again in the next.
  assert.deepEqual(await scheduledArticlesDue(at("2030-01-01T07:59:59.999Z"), at("2030-01-01T08:00:30.000Z")), [
    "due-first",
    "due-second",
  ]);
  assert.deepEqual(await scheduledArticlesDue(at("2030-01-01T08:00:00.000Z"), at("2030-01-01T08:59:59.999Z")), [
    "due-second",
  ]);
  assert.deepEqual(await scheduledArticlesDue(at("2030-01-01T08:00:30.000Z"), at("2030-01-01T08:59:59.999Z")), []);

  assert.deepEqual(await nextScheduledPublication(at("2030-01-01T07:00:00.000Z")), at("2030-01-01T08:00:00.000Z"));
  assert.deepEqual(await nextScheduledPublication(at("2030-01-01T08:00:00.000Z")), at("2030-01-01T08:00:30.000Z"));
  assert.equal(await nextScheduledPublication(at("2030-01-01T09:00:00.000Z")), null);
});
