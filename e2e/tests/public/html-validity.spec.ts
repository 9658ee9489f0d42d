import { expect, test } from "../../fixtures";
import { htmlErrors } from "../../support/html-validator";

const SEED_PATH = `/articles/${encodeURIComponent("الولايات-المتحدة-تطالب-روسيا-بسحب-جنودها-بسرعة-من-كازاخستان")}`;

test("the reader pages are valid HTML (Nu HTML Checker)", async ({ request, database }) => {
  const open = database.createArticle();
  database.tag(open.id, "وسم للتحقق", "وسم-للتحقق");
  database.createComment(open.id, { status: "APPROVED", body: "تعليق <b>بنص</b> عادي" });
  const pages = [
    "/",
    SEED_PATH,
    `/articles/${encodeURIComponent(open.slug)}`,
    `/sections/${encodeURIComponent("متابعات")}`,
    `/tags/${encodeURIComponent("وسم-للتحقق")}`,
    `/sources/${encodeURIComponent("المناطق-متابعات")}`,
    "/articles/missing-page",
  ];
  for (const path of pages) {
    const html = await (await request.get(path)).text();
    expect(await htmlErrors(html), path).toEqual([]);
  }
});
