import { expect, test } from "../../fixtures";
import { ArticleEditor } from "../../pages/article-editor";
import { captureActionRequest, replayAction } from "../../support/action-replay";
import { testPhoto } from "../../support/images";
import { authFile } from "../../support/users";

// Every admin Server Action checks the session and the role itself: the same request that worked
// for an editor is refused without a session and for an author, and nothing changes.
const NOT_SIGNED_IN = "انتهت جلستك أو لم تسجّل الدخول";
const FORBIDDEN = "لا تملك صلاحية القيام بهذا.";

test.describe("newsroom actions replayed without the right session", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("publishing a draft", async ({ page, database }) => {
    const article = await database.createArticle({ status: "DRAFT", publishedAt: null });
    const before = await database.article(article.id);
    await page.goto(`/admin/articles/${article.id}`);
    const editor = new ArticleEditor(page);
    await editor.field("الحالة").selectOption({ label: "منشور" });
    const publish = await captureActionRequest(page, () => editor.save());

    expect(await replayAction(publish, null)).toContain(NOT_SIGNED_IN);
    expect(await replayAction(publish, "AUTHOR")).toContain(FORBIDDEN);
    expect(await database.article(article.id)).toEqual(before);
  });

  test("closing comments, trashing and restoring", async ({ page, database }) => {
    const open = await database.createArticle();
    const trashed = await database.createArticle();
    await database.trash(trashed.id);
    const beforeOpen = await database.article(open.id);
    const beforeTrashed = await database.article(trashed.id);

    // A captured request never reaches the server, which leaves the page's form pending: reload each time.
    await page.goto(`/admin/articles/${open.id}`);
    const close = await captureActionRequest(page, () => page.getByRole("button", { name: "إغلاق التعليقات" }).click());
    await page.goto(`/admin/articles/${open.id}`);
    const trash = await captureActionRequest(page, () =>
      page.getByRole("button", { name: "نقل إلى المهملات" }).click(),
    );
    await page.goto(`/admin/articles/${trashed.id}`);
    const restore = await captureActionRequest(page, () =>
      page.getByRole("button", { name: "استعادة من المهملات" }).click(),
    );

    for (const action of [close, trash, restore]) {
      expect(await replayAction(action, null)).toContain(NOT_SIGNED_IN);
      expect(await replayAction(action, "AUTHOR")).toContain(FORBIDDEN);
    }
    expect(await database.article(open.id)).toEqual(beforeOpen);
    expect(await database.article(trashed.id)).toEqual(beforeTrashed);
  });

  test("restoring a revision", async ({ page, database }) => {
    const article = await database.createArticle();
    await page.goto(`/admin/articles/${article.id}`);
    const editor = new ArticleEditor(page);
    await editor.field("العنوان").fill(`${article.headline} معدّل`);
    await editor.save();
    await expect(page.getByRole("status")).toHaveText("حُفظ المقال.");
    const before = await database.article(article.id);
    await page
      .getByRole("region", { name: "المراجعات" })
      .getByRole("listitem")
      .filter({ hasText: "الاستيراد" })
      .getByRole("link")
      .click();
    const restore = await captureActionRequest(page, () =>
      page.getByRole("button", { name: "استعادة هذه النسخة" }).click(),
    );

    expect(await replayAction(restore, null)).toContain(NOT_SIGNED_IN);
    expect(await replayAction(restore, "AUTHOR")).toContain(FORBIDDEN);
    expect(await database.article(article.id)).toEqual(before);
  });

  test("approving a comment", async ({ page, database }) => {
    const article = await database.createArticle();
    const text = `تعليق ينتظر ${Math.random().toString(36).slice(2, 8)}`;
    const commentId = await database.createComment(article.id, { status: "PENDING", body: text });
    await page.goto("/admin/comments");
    const approve = await captureActionRequest(page, () =>
      page.getByRole("listitem").filter({ hasText: text }).getByRole("button", { name: "موافقة" }).click(),
    );

    expect(await replayAction(approve, null)).toContain(NOT_SIGNED_IN);
    expect(await replayAction(approve, "AUTHOR")).toContain(FORBIDDEN);
    expect(await database.commentStatus(commentId)).toBe("PENDING");
  });
});

test.describe("media actions replayed without the right session", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("uploading without a session, deleting as an author", async ({ page, database }) => {
    await page.goto("/admin/media");
    const form = page.getByRole("form", { name: "رفع صورة" });
    await form
      .getByLabel(/^الصورة/)
      .setInputFiles({ name: "x.jpg", mimeType: "image/jpeg", buffer: await testPhoto(64, 64) });
    const upload = await captureActionRequest(page, () => form.getByRole("button", { name: "رفع" }).click());
    const mediaBefore = await database.mediaCount();
    expect(await replayAction(upload, null)).toContain(NOT_SIGNED_IN);
    expect(await database.mediaCount()).toBe(mediaBefore);

    await page.goto("/admin/media");
    await form
      .getByLabel(/^الصورة/)
      .setInputFiles({ name: "y.jpg", mimeType: "image/jpeg", buffer: await testPhoto(64, 64) });
    await form.getByRole("button", { name: "رفع" }).click();
    await expect(form.getByRole("status")).toBeVisible();
    const url = ((await form.getByRole("status").textContent()) ?? "").split(": ")[1];
    const item = page.getByRole("listitem").filter({ hasText: url });
    const remove = await captureActionRequest(page, () => item.getByRole("button", { name: "حذف" }).click());
    expect(await replayAction(remove, "AUTHOR")).toContain(FORBIDDEN);

    await page.goto("/admin/media");
    await expect(page.getByRole("listitem").filter({ hasText: url })).toBeVisible();
    expect((await page.request.get(url)).status()).toBe(200);
  });
});

test.describe("settings replayed without an admin's session", () => {
  test.use({ storageState: authFile("ADMIN") });

  test("changing the moderation setting", async ({ page, database }) => {
    const before = await database.settings();
    await page.goto("/admin/settings");
    await page.getByLabel("تُنشر فورًا").check();
    const save = await captureActionRequest(page, () => page.getByRole("button", { name: "حفظ الإعدادات" }).click());

    expect(await replayAction(save, null)).toContain(NOT_SIGNED_IN);
    expect(await replayAction(save, "EDITOR")).toContain(FORBIDDEN);
    expect(await database.settings()).toEqual(before);
  });
});

test.describe("site pages replayed without an editor's session", () => {
  test.use({ storageState: authFile("EDITOR") });

  test("creating a page", async ({ page, database }) => {
    const before = await database.sitePageTitles();
    await page.goto("/admin/pages");
    const form = page.getByRole("form", { name: "الصفحة" });
    await form.getByLabel("العنوان").fill("صفحة لن تُحفظ");
    await form.getByLabel("النص").fill("نص");
    const save = await captureActionRequest(page, () => form.getByRole("button", { name: "حفظ الصفحة" }).click());

    expect(await replayAction(save, null)).toContain(NOT_SIGNED_IN);
    expect(await replayAction(save, "AUTHOR")).toContain(FORBIDDEN);
    expect(await database.sitePageTitles()).toEqual(before);
  });
});
