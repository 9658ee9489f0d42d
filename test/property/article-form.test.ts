// Property: whatever an editor types into the article form (any field, on a new article or an
// existing one), the save either refuses it with InvalidInputError, naming only fields that were
// typed, with Arabic messages and nothing written, or stores exactly the form's documented
// normalisation (trimmed text, empty → none, the Markdown body as its block document) and the
// article can be opened in the editor and previewed.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import fc from "fast-check";
import { blockPlainText, parseArticleBody } from "../../lib/articles/body/document";
import { ARTICLE_BODY_MAX, type ArticleFormField } from "../../lib/articles/form";
import { createArticle, getArticleForEditing, getArticlePreview, updateArticle } from "../../lib/articles/editing";
import { markdownToBody } from "../../lib/articles/body/markdown";
import type { NewsroomUser } from "../../lib/auth/access";
import { db } from "../../lib/db/client";
import { DomainError, InvalidInputError } from "../../lib/errors";
import { slugify } from "../../lib/slug";
import { parseTagNames } from "../../lib/taxonomy/tags";
import { createNewsroomUser } from "../support/factories";
import { arabicWord, hasUnstorableCharacter, hostileText, hugeText, inertText, isArabicMessage } from "./hostile-text";
import { countRows } from "./row-counts";

/** What the newsroom's form action passes on: each field a string, or absent. */
type FormValues = Partial<Record<ArticleFormField, string>>;

const BASE_FORM = { headline: "عنوان صالح", body: "فقرة صالحة.", status: "DRAFT", commentsOpen: "on" };

/** The free-text fields and the longest trimmed value (UTF-16 code units) each takes. */
const FREE_TEXT_MAX = {
  headline: 300,
  dek: 500,
  bylineLabel: 120,
  leadImageAlt: 300,
  leadImageCaption: 2000,
  leadImageCredit: 300,
} as const;
type FreeTextField = keyof typeof FREE_TEXT_MAX;

const text = fc.oneof(
  { arbitrary: inertText, weight: 3 },
  { arbitrary: hostileText({ maxPieces: 10 }), weight: 3 },
  { arbitrary: fc.constantFrom("", "   "), weight: 1 },
);
const freeText = (max: number) =>
  fc.oneof(
    { arbitrary: text, weight: 8 },
    { arbitrary: fc.integer({ min: max - 1, max: max + 1 }).map((length) => "ع".repeat(length)), weight: 1 },
  );

const markdown = fc
  .array(
    fc.oneof(
      text,
      fc.constantFrom(
        "## عنوان فرعي",
        "### #",
        "> اقتباس",
        "- بند\n- بند آخر",
        "1. أول\n2) ثان",
        "[رابط](javascript:alert(1))",
        "[رابط](https://example.com/?q=<b>)",
        '![صورة](/media/x.webp "تعليق")',
        "![صورة](data:image/png;base64,AAAA)",
        "**غامق *مائل***",
        "<div onclick=alert(1)>نص</div>",
        "```\nكود\n```",
        "| أ | ب |\n| - | - |",
        "---",
        "&amp; &#0; &#x202E;",
        "\\",
      ),
    ),
    { maxLength: 6 },
  )
  .chain((blocks) => fc.constantFrom("\n\n", "\n", "\r\n\r\n", " ").map((gap) => blocks.join(gap)));

/** Tags, including names that differ only by case or tashkeel, so they share one address. */
const tags = fc.oneof(
  { arbitrary: text, weight: 1 },
  {
    arbitrary: fc
      .array(fc.oneof(arabicWord, fc.constantFrom("News", "news", "NEWS", "روسيا", "رُوسيا", "روسيـا", "ك", "؟؟")), {
        maxLength: 12,
      })
      .chain((names) => fc.constantFrom("،", ",", " , ").map((separator) => names.join(separator))),
    weight: 3,
  },
);

const url = fc.oneof(
  text,
  fc.constantFrom(
    "https://example.com/a",
    "http://example.com/?p=1",
    "/media/x.webp",
    "//evil.example",
    "/\\evil",
    "javascript:alert(1)",
    "https://exa mple.com",
    "  https://example.com/b  ",
  ),
);

const fieldArbitraries: Record<ArticleFormField, fc.Arbitrary<string>> = {
  headline: freeText(FREE_TEXT_MAX.headline),
  slug: fc.oneof(text, arabicWord, fc.constantFrom("", "مقال-تجريبي", "a b", "A-B", "مقال--١")),
  dek: freeText(FREE_TEXT_MAX.dek),
  body: markdown,
  tags,
  bylineLabel: freeText(FREE_TEXT_MAX.bylineLabel),
  sourceUrl: url,
  leadImageUrl: url,
  leadImageAlt: freeText(FREE_TEXT_MAX.leadImageAlt),
  leadImageCaption: freeText(FREE_TEXT_MAX.leadImageCaption),
  leadImageCredit: freeText(FREE_TEXT_MAX.leadImageCredit),
  leadImageCaptionLang: fc.constantFrom("ar", "en", "fr", ""),
  status: fc.constantFrom("DRAFT", "PUBLISHED", "SCHEDULED", "DELETED", "draft"),
  publishAt: fc.constantFrom("", "2030-01-01T10:00", "2020-02-30T25:00", "غدًا", "2026-13-01T00:00"),
  commentsOpen: fc.constantFrom("on", "off", ""),
  commentsCloseAfterDays: fc.constantFrom("", "7", "0", "-1", "abc", "3651", "1.5"),
  sectionId: fc.constantFrom("", "1", "0", "abc", "999999"),
};

/** A few fields typed over a valid form, so a refusal of one does not hide what the others do. */
const overridesArbitrary: fc.Arbitrary<FormValues> = fc
  .shuffledSubarray(Object.keys(fieldArbitraries) as ArticleFormField[], { minLength: 1, maxLength: 4 })
  .chain((fields) => fc.record(Object.fromEntries(fields.map((field) => [field, fieldArbitraries[field]]))));

const orNull = (value: string | undefined) => value?.trim() || null;

/** Fields a refusal may name: the ones typed, and the publish time when the status was typed. */
function blameable(overrides: FormValues): Set<string> {
  return new Set([...Object.keys(overrides), ...("status" in overrides ? ["publishAt"] : [])]);
}

/** Free text within its length, with no broken Unicode, is the editor's to write: never refused. */
function mustAccept(field: FreeTextField, value: string): boolean {
  if (hasUnstorableCharacter(value)) return false;
  const trimmed = value.trim();
  return trimmed.length <= FREE_TEXT_MAX[field] && (field !== "headline" || trimmed.length > 0);
}

/**
 * One tag per address (slug) typed; a tag whose address already existed keeps its name, a new one
 * takes a name as typed.
 */
function assertTagsAsTyped(
  stored: { slug: string; name: string }[],
  typed: string,
  before: ReadonlyMap<string, string>,
): void {
  const names = parseTagNames(typed);
  assert.deepEqual(stored.map((tag) => tag.slug).sort(), [...new Set(names.map(slugify))].sort());
  for (const tag of stored) {
    const existing = before.get(tag.slug);
    if (existing === undefined) assert.ok(names.includes(tag.name), `tag ${tag.name} was not typed`);
    else assert.equal(tag.name, existing);
  }
}

let editor: NewsroomUser;
let existingId: number;

before(async () => {
  editor = await createNewsroomUser("EDITOR");
  ({ id: existingId } = await createArticle(editor, BASE_FORM));
});

async function checkSave(overrides: FormValues, onExisting: boolean): Promise<void> {
  const form = { ...BASE_FORM, ...overrides };
  const rowsBefore = await countRows();
  const tagsBefore = new Map(
    (await db.tag.findMany({ select: { slug: true, name: true } })).map((tag) => [tag.slug, tag.name]),
  );
  const outcome = await (onExisting ? updateArticle(editor, existingId, form) : createArticle(editor, form)).then(
    (saved) => ({ saved }),
    (error: unknown) => ({ error }),
  );

  if ("error" in outcome) {
    if (!(outcome.error instanceof InvalidInputError)) throw outcome.error;
    assert.ok(outcome.error instanceof DomainError && isArabicMessage(outcome.error.publicMessage));
    const { fieldErrors } = outcome.error;
    const allowed = blameable(overrides);
    for (const [field, messages] of Object.entries(fieldErrors)) {
      assert.ok(allowed.has(field), `blamed ${field}, which was not typed`);
      assert.ok(messages.length > 0 && messages.every(isArabicMessage), `${field}: ${messages.join(" / ")}`);
    }
    for (const field of Object.keys(FREE_TEXT_MAX) as FreeTextField[]) {
      const value = overrides[field];
      if (value === undefined) continue;
      const blamed = field in fieldErrors;
      if (mustAccept(field, value)) assert.equal(blamed, false, `${field} refused`);
      if (hasUnstorableCharacter(value)) assert.equal(blamed, true, `${field} has a lone surrogate or NUL`);
    }
    assert.deepEqual(await countRows(), rowsBefore, "a refused save wrote rows");
    return;
  }

  for (const [field, value] of Object.entries(overrides))
    assert.ok(!hasUnstorableCharacter(value), `${field} with a lone surrogate or NUL was stored`);
  const { id } = outcome.saved;
  const row = await db.article.findUniqueOrThrow({
    where: { id },
    include: { tags: { select: { tag: { select: { slug: true, name: true } } } } },
  });
  assert.deepEqual(
    {
      headline: row.headline,
      dek: row.dek,
      bylineLabel: row.bylineLabel,
      sourceUrl: row.sourceUrl,
      leadImageUrl: row.leadImageUrl,
      leadImageAlt: row.leadImageAlt,
      leadImageCaption: row.leadImageCaption,
      leadImageCredit: row.leadImageCredit,
      status: row.status,
      body: parseArticleBody(row.body),
    },
    {
      headline: form.headline.trim(),
      dek: orNull(form.dek),
      bylineLabel: orNull(form.bylineLabel),
      sourceUrl: orNull(form.sourceUrl),
      leadImageUrl: orNull(form.leadImageUrl),
      leadImageAlt: orNull(form.leadImageAlt),
      leadImageCaption: orNull(form.leadImageCaption),
      leadImageCredit: orNull(form.leadImageCredit),
      status: form.status,
      body: markdownToBody(form.body),
    },
  );
  assertTagsAsTyped(
    row.tags.map(({ tag }) => tag),
    form.tags ?? "",
    tagsBefore,
  );
  const { revisions } = await countRows();
  assert.ok(
    revisions > rowsBefore.revisions && revisions <= rowsBefore.revisions + 2,
    "every save records one revision",
  );

  const editing = await getArticleForEditing(editor, id);
  assert.deepEqual(
    markdownToBody(editing.bodyMarkdown),
    parseArticleBody(row.body),
    "the editor gets the saved body back",
  );
  assert.equal((await getArticlePreview(editor, id)).headline, row.headline);
}

describe("saving the article form with generated input", () => {
  test("refuses with InvalidInputError naming typed fields only, or stores exactly the normalised form", async () => {
    await fc.assert(fc.asyncProperty(overridesArbitrary, fc.boolean(), checkSave), { numRuns: 100 });
  });

  test("a megabyte in a text field is refused with the field named, or stored whole", async () => {
    const field = fc.constantFrom("headline", "dek", "leadImageCaption", "tags", "slug");
    await fc.assert(
      fc.asyncProperty(field, hugeText, fc.boolean(), (name, huge, onExisting) =>
        checkSave({ [name]: huge }, onExisting),
      ),
      { numRuns: 3 },
    );
  });

  test("a megabyte body is refused by name before the Markdown parser reads it", async () => {
    await fc.assert(
      fc.asyncProperty(hugeText, fc.boolean(), (huge, onExisting) => checkSave({ body: huge }, onExisting)),
      { numRuns: 3 },
    );
  });
});

describe("article form refusals and tags the properties found", () => {
  const form = (overrides: Record<string, string>) => ({
    ...BASE_FORM,
    headline: `خبر ${Math.random()}`,
    ...overrides,
  });

  async function refusedWith(overrides: Record<string, string>, field: string): Promise<string[]> {
    const before = await countRows();
    let messages: string[] = [];
    await assert.rejects(createArticle(editor, form(overrides)), (error) => {
      assert.ok(error instanceof InvalidInputError, String(error));
      assert.deepEqual(Object.keys(error.fieldErrors), [field]);
      messages = error.fieldErrors[field];
      return true;
    });
    assert.deepEqual(await countRows(), before);
    return messages;
  }

  test("a lone surrogate in any field is refused by name (the database driver threw on it)", async () => {
    assert.deepEqual(await refusedWith({ bylineLabel: "\uD800" }, "bylineLabel"), ["يحتوي النص على محارف غير صالحة."]);
    assert.deepEqual(await refusedWith({ body: "فقرة \uDFFF" }, "body"), ["يحتوي النص على محارف غير صالحة."]);
  });

  test("a NUL in any field is refused by name (PostgreSQL's text type cannot hold it)", async () => {
    assert.deepEqual(await refusedWith({ headline: "عنوان\u0000" }, "headline"), ["يحتوي النص على محارف غير صالحة."]);
    assert.deepEqual(await refusedWith({ leadImageCaption: "تعليق \u0000 الصورة" }, "leadImageCaption"), [
      "يحتوي النص على محارف غير صالحة.",
    ]);
  });

  test("section, caption language and close-after values the form never offers get Arabic messages, not zod's English", async () => {
    for (const [field, value] of [
      ["sectionId", "abc"],
      ["sectionId", "0"],
      ["leadImageCaptionLang", "fr"],
      ["commentsCloseAfterDays", "abc"],
      ["commentsCloseAfterDays", "3651"],
    ]) {
      const messages = await refusedWith({ [field]: value }, field);
      assert.ok(messages.every(isArabicMessage), `${field}=${value}: ${messages.join(" / ")}`);
    }
  });

  test("a body over 200,000 characters is refused (a megabyte of blank lines held the server for half a minute)", async () => {
    assert.deepEqual(await refusedWith({ body: "\n".repeat(ARTICLE_BODY_MAX + 1) }, "body"), [
      "نص المقال أطول من ٢٠٠٬٠٠٠ حرف.",
    ]);
    const longest = "فقرة طويلة. ".repeat(ARTICLE_BODY_MAX / 10).slice(0, ARTICLE_BODY_MAX);
    const saved = await createArticle(editor, form({ body: longest }));
    assert.equal(
      blockPlainText(
        parseArticleBody((await db.article.findUniqueOrThrow({ where: { id: saved.id } })).body).blocks[0],
      ),
      longest.trim(),
    );
  });

  test("a source URL another article has is refused by name (it threw on the unique column)", async () => {
    await createArticle(editor, form({ sourceUrl: "https://source.example/one" }));
    assert.deepEqual(await refusedWith({ sourceUrl: "https://source.example/one" }, "sourceUrl"), [
      "رابط المصدر هذا مستخدم لمقال آخر.",
    ]);
  });

  test("tags spelled another way are the tag of the same address (it threw on the unique slug)", async () => {
    const first = await createArticle(editor, form({ tags: "كازاخستان" }));
    const second = await createArticle(editor, form({ tags: "كازاخستـان، Almaty, ALMATY" }));
    const tagsOf = async (id: number) => (await getArticleForEditing(editor, id)).tagNames;
    assert.deepEqual(await tagsOf(first.id), ["كازاخستان"]);
    assert.deepEqual(await tagsOf(second.id), ["Almaty", "كازاخستان"]);
  });
});
