import assert from "node:assert/strict";
import { test } from "node:test";
import { searchTotalFromPage } from "../../scripts/bench/support/routes";

const page = (summary: string) =>
  `<main><p id="search-summary" class="search-summary">${summary}<!-- --> للبحث عن «<bdi>الطاقة</bdi>»</p></main>`;

test("the bench reads the search page's total in each of its Arabic forms", () => {
  assert.equal(searchTotalFromPage(page("نتيجة واحدة")), 1);
  assert.equal(searchTotalFromPage(page("نتيجتان")), 2);
  assert.equal(searchTotalFromPage(page("٣ نتائج")), 3);
  assert.equal(searchTotalFromPage(page("١٬٢٣٤ نتيجة")), 1234);
  assert.equal(searchTotalFromPage(`<p role="status" class="empty">لم نجد أخبارًا تطابق</p>`), 0);
});

test("a summary without a number stops the bench instead of counting nothing", () => {
  assert.throws(() => searchTotalFromPage(page("نتائج كثيرة")), /cannot read the number of results/);
});
