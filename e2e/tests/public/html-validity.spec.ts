import { expect, test } from "../../fixtures";
import { htmlErrors } from "../../support/html-validator";

const SEED_PATH = `/articles/${encodeURIComponent("الولايات-المتحدة-تطالب-روسيا-بسحب-جنودها-بسرعة-من-كازاخستان")}`;

test("the reader pages are valid HTML (Nu HTML Checker)", async ({ request, database }) => {
  // The checker is a Java program: starting its VM takes most of a loaded machine's 30 s.
  test.setTimeout(90_000);
  const open = await database.createArticle();
  await database.tag(open.id, "وسم للتحقق", "وسم-للتحقق");
  await database.createComment(open.id, { status: "APPROVED", body: "تعليق <b>بنص</b> عادي" });
  const pages = [
    "/",
    SEED_PATH,
    `/articles/${encodeURIComponent(open.slug)}`,
    `/sections/${encodeURIComponent("متابعات")}`,
    `/tags/${encodeURIComponent("وسم-للتحقق")}`,
    `/sources/${encodeURIComponent("المناطق-متابعات")}`,
    "/articles/missing-page",
    `/search?q=${encodeURIComponent("كازاخستان")}`,
    `/search?q=${encodeURIComponent("ك")}`,
  ];
  const html: Record<string, string> = {};
  for (const path of pages) html[path] = await (await request.get(path)).text();
  const errors = await htmlErrors(html);
  expect(errors).toEqual(Object.fromEntries(pages.map((path) => [path, []])));
});
