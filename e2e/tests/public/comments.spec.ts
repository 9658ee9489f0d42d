import { expect, test } from "../../fixtures";

const REFUSED = "أُغلق باب التعليق على هذا المقال، ولم يُحفظ تعليقك.";

test("a reader comments on an open article and sees the comment and the new count", async ({ database, articlePage }) => {
  const article = await database.createArticle();
  await articlePage.goto(article.slug);
  await expect(articlePage.commentsHeading).toHaveText("التعليقات (٠)");

  const email = await database.returningCommenterEmail();
  await articlePage.writeComment({ name: "Layla ليلى", email, body: "تحليل ممتاز، شكرًا." });
  await articlePage.submitButton.click();

  await expect(articlePage.commentForm.getByRole("status")).toHaveText("شكرًا لك، نُشر تعليقك.");
  await expect(articlePage.commentsHeading).toHaveText("التعليقات (١)");
  const comment = articlePage.comment("تحليل ممتاز، شكرًا.");
  await expect(comment.locator("bdi")).toHaveText("Layla ليلى");
  await expect(articlePage.comments).not.toContainText(email);
  await expect(articlePage.bodyField).toHaveValue("");
  expect(await database.countComments(article.id)).toBe(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still posts, and the shared page comes back with the comment and the notice", async ({ page, database, articlePage }) => {
    const article = await database.createArticle();
    await articlePage.goto(article.slug);
    await expect(articlePage.commentForm.getByRole("status")).toHaveCount(0);
    await articlePage.writeComment({ name: "قارئ", email: await database.returningCommenterEmail(), body: "تعليق بلا جافاسكربت" });
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      articlePage.submitButton.click(),
    ]);

    // Answered by a redirect to the cached page, not by a page rendered for this reader.
    expect(answer.status()).toBe(303);
    await expect(page).toHaveURL(/#comment-published$/);
    await expect(articlePage.commentForm.getByRole("status")).toHaveText("شكرًا لك، نُشر تعليقك.");
    await expect(articlePage.commentsHeading).toHaveText("التعليقات (١)");
    await expect(articlePage.comment("تعليق بلا جافاسكربت")).toBeVisible();
    expect(await database.countComments(article.id)).toBe(1);
  });

  test("a held comment is answered with the held notice, and readers' page is unchanged", async ({ page, database, articlePage }) => {
    const article = await database.createArticle();
    await articlePage.goto(article.slug);
    await articlePage.writeComment({ name: "قارئ جديد", body: "تعليق ينتظر المراجعة" });
    await articlePage.submitButton.click();

    await expect(page).toHaveURL(/#comment-held$/);
    await expect(articlePage.commentForm.getByRole("status")).toHaveText("شكرًا لك، سيظهر تعليقك للقرّاء بعد مراجعته.");
    await expect(articlePage.commentsHeading).toHaveText("التعليقات (٠)");
    expect(await database.countComments(article.id)).toBe(1);
  });

  test("invalid fields come back rendered with what the reader typed", async ({ page, database, articlePage }) => {
    const article = await database.createArticle();
    await articlePage.goto(article.slug);
    await articlePage.writeComment({ name: "قارئ", body: "   " });
    await articlePage.submitButton.click();

    await expect(articlePage.commentForm.getByRole("alert")).toBeVisible();
    await expect(articlePage.commentForm.getByText("اكتب نص التعليق.")).toBeVisible();
    await expect(articlePage.commentForm.getByLabel("الاسم")).toHaveValue("قارئ");
    expect(page.url()).not.toContain("#");
    expect(await database.countComments(article.id)).toBe(0);
  });

  test("a replayed comment request is refused once the article is closed", async ({ page, database, articlePage }) => {
    const article = await database.createArticle();
    await articlePage.goto(article.slug);
    await articlePage.writeComment({ name: "قارئ", email: await database.returningCommenterEmail(), body: "التعليق الأصلي" });
    const [request] = await Promise.all([
      page.waitForRequest((candidate) => candidate.method() === "POST"),
      articlePage.submitButton.click(),
    ]);
    await expect(articlePage.comment("التعليق الأصلي")).toBeVisible();
    expect(await database.countComments(article.id)).toBe(1);

    await database.setCommentsOpen(article.id, false);
    const replay = await page.request.fetch(request.url(), {
      method: "POST",
      headers: await request.allHeaders(),
      data: request.postDataBuffer() ?? undefined,
    });

    expect(replay.status()).toBe(200);
    expect(await replay.text()).toContain(REFUSED);
    expect(await database.countComments(article.id)).toBe(1);
  });
});

test("a comment sent after the article was closed behind the reader's back is refused and not stored", async ({ database, articlePage }) => {
  const article = await database.createArticle();
  await articlePage.goto(article.slug);
  await articlePage.writeComment({ name: "قارئ متأخر", body: "هل يصل هذا التعليق؟" });

  await database.setCommentsOpen(article.id, false);
  await articlePage.submitButton.click();

  await expect(articlePage.comments.getByRole("alert")).toHaveText(REFUSED);
  await expect(articlePage.closedNotice).toBeVisible();
  await expect(articlePage.commentForm).toHaveCount(0);
  await expect(articlePage.commentsHeading).toHaveText("التعليقات (٠)");
  expect(await database.countComments(article.id)).toBe(0);
});

test("invalid fields are explained inline and what the reader typed is kept", async ({ database, articlePage }) => {
  const article = await database.createArticle();
  await articlePage.goto(article.slug);
  await articlePage.writeComment({ name: "   ", email: "not-an-email", body: "نص طويل كتبته بعناية" });
  await articlePage.submitButton.click();

  await expect(articlePage.nameField).toHaveAccessibleDescription("اكتب اسمك.");
  await expect(articlePage.emailField).toHaveAccessibleDescription("عنوان البريد الإلكتروني غير صالح.");
  await expect(articlePage.nameField).toHaveAttribute("aria-invalid", "true");
  await expect(articlePage.bodyField).toHaveValue("نص طويل كتبته بعناية");
  await expect(articlePage.emailField).toHaveValue("not-an-email");
  expect(await database.countComments(article.id)).toBe(0);
});

test("markup in a comment is shown as text and never runs", async ({ page, database, articlePage }) => {
  const article = await database.createArticle();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await articlePage.goto(article.slug);
  const payload = `<img src=x onerror="alert('xss')"><script>alert('xss')</script>`;
  await articlePage.writeComment({ name: "<b>اسم</b>", email: await database.returningCommenterEmail(), body: payload });
  await articlePage.submitButton.click();

  await expect(articlePage.comment(payload)).toBeVisible();
  await expect(articlePage.comment(payload).locator("bdi")).toHaveText("<b>اسم</b>");
  await expect(articlePage.comments.locator("img, script, b")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("a bot that fills the hidden honeypot is told its comment is held, and nothing is stored", async ({ page, database, articlePage }) => {
  const article = await database.createArticle();
  await articlePage.goto(article.slug);
  // Not offered to people: out of the accessibility tree (and out of sight and tab order).
  await expect(articlePage.commentForm.getByRole("textbox", { name: "اترك هذا الحقل فارغًا" })).toHaveCount(0);
  await articlePage.writeComment({ name: "Bot", body: "Great post, visit my site" });
  await page.locator('input[name="website"]').evaluate((input: HTMLInputElement) => (input.value = "https://spam.example"));
  await articlePage.submitButton.click();

  await expect(articlePage.commentForm.getByRole("status")).toHaveText("شكرًا لك، سيظهر تعليقك للقرّاء بعد مراجعته.");
  expect(await database.countComments(article.id)).toBe(0);
});
