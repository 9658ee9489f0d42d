// Property: whatever a reader (or a bot) sends to the comment form, postComment either refuses it
// with the project's own error and an Arabic message, writing nothing, or stores exactly the
// normalised text (CRLF → LF, NFC, trimmed; email trimmed and lower-cased) and reads it back as is.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import fc from "fast-check";
import { z } from "zod";
import { commentFormToken } from "../../lib/comments/spam";
import { listApprovedComments, listOwnPendingComments } from "../../lib/comments/listing";
import { postComment } from "../../lib/comments/posting";
import { COMMENT_BODY_MAX, COMMENT_NAME_MAX } from "../../lib/comments/schema";
import { db } from "../../lib/db/client";
import {
  ArticleNotFoundError,
  CommentsClosedError,
  CommentTooFastError,
  DomainError,
  InvalidInputError,
} from "../../lib/errors";
import { BotCommentError } from "../../lib/comments/answers";
import { createArticle } from "../support/factories";
import { hasLoneSurrogate, hostileText, hugeText, inertText, isArabicMessage } from "./hostile-text";
import { countRows } from "./row-counts";

// The flood limits have their own tests; here one client posts hundreds of comments.
process.env.COMMENT_RATE_PER_MINUTE = "0";
process.env.COMMENT_RATE_PER_HOUR = "0";

const FINGERPRINT = "p".repeat(64);
const MISSING_ARTICLE_ID = 987_654_321;

/** The documented normalisation of the name and the body. */
const normalised = (text: string) => text.replace(/\r\n?/g, "\n").normalize("NFC").trim();
/** Control characters (C0, DEL, C1) and the embedding, override and isolate controls. */
const REFUSED_IN_NAME = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const codePoints = (text: string) => [...text].length;

function textIsValid(value: unknown, { multiline, max }: { multiline: boolean; max: number }): boolean {
  if (typeof value !== "string") return false;
  const text = normalised(value);
  const checked = multiline ? text.replace(/[\n\t]/g, "") : text;
  return text.length > 0 && !hasLoneSurrogate(text) && !REFUSED_IN_NAME.test(checked) && codePoints(text) <= max;
}

/** undefined: the email is not valid; null: no email given. */
function expectedEmail(value: unknown): string | null | undefined {
  if (value === undefined) return null;
  if (typeof value !== "string") return undefined;
  const email = value.trim().toLowerCase();
  if (email === "") return null;
  return z.email().max(254).safeParse(email).success ? email : undefined;
}

type Target = "open" | "closed" | "missing";
interface Form {
  honeypot: unknown;
  token: "served a minute ago" | "just served" | "forged" | "absent";
}
interface Case {
  input: { authorName?: unknown; authorEmail?: unknown; body?: unknown };
  form: Form | null;
  target: Target;
}

type Expected =
  | { kind: "bot" | "too fast" | "closed" | "not found" }
  | { kind: "invalid"; fields: string[] }
  | { kind: "stored"; authorName: string; authorEmail: string | null; body: string };

/** What postComment must do, from the rules in the README (checked in this order by the action). */
function expectedOutcome({ input, form, target }: Case): Expected {
  if (form && typeof form.honeypot === "string" && form.honeypot.trim() !== "") return { kind: "bot" };
  const email = expectedEmail(input.authorEmail);
  const fields = [
    ...(textIsValid(input.authorName, { multiline: false, max: COMMENT_NAME_MAX }) ? [] : ["authorName"]),
    ...(email === undefined ? ["authorEmail"] : []),
    ...(textIsValid(input.body, { multiline: true, max: COMMENT_BODY_MAX }) ? [] : ["body"]),
  ];
  if (fields.length > 0) return { kind: "invalid", fields };
  if (form && form.token !== "served a minute ago") return { kind: "too fast" };
  if (target === "closed") return { kind: "closed" };
  if (target === "missing") return { kind: "not found" };
  return {
    kind: "stored",
    authorName: normalised(input.authorName as string),
    authorEmail: email ?? null,
    body: normalised(input.body as string),
  };
}

function tokenFor(token: Form["token"]): unknown {
  if (token === "served a minute ago") return commentFormToken(new Date(Date.now() - 60_000));
  if (token === "just served") return commentFormToken(new Date());
  if (token === "forged") return `${Date.now() - 60_000}.not-a-signature`;
  return null;
}

function kindOf(error: unknown): Expected["kind"] {
  if (error instanceof BotCommentError) return "bot";
  if (error instanceof InvalidInputError) return "invalid";
  if (error instanceof CommentTooFastError) return "too fast";
  if (error instanceof CommentsClosedError) return "closed";
  if (error instanceof ArticleNotFoundError) return "not found";
  throw error;
}

/** A length around `max` code points, in letters that NFC composes (e + ◌́ → é) or that take two code units. */
const nearLimit = (max: number) =>
  fc
    .tuple(fc.integer({ min: max - 2, max: max + 2 }), fc.constantFrom("ب", "😀", "e\u0301", "ء"))
    .map(([count, unit]) => unit.repeat(count));

const nameArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: inertText.map((text) => [...text].slice(0, 60).join("")), weight: 8 },
  { arbitrary: hostileText(), weight: 5 },
  { arbitrary: nearLimit(COMMENT_NAME_MAX), weight: 1 },
  { arbitrary: fc.constantFrom(undefined, "", "   ", 42, ["اسم"]), weight: 1 },
);
const plainEmail = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._-]{0,12}$/), fc.constantFrom("example.com", "example.test", "mail.sa"))
  .map(([local, domain]) => `${local}@${domain}`);
const emailArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 6 },
  { arbitrary: plainEmail, weight: 3 },
  { arbitrary: plainEmail.map((email) => `  ${email.toUpperCase()} `), weight: 1 },
  { arbitrary: fc.emailAddress(), weight: 1 },
  { arbitrary: fc.tuple(plainEmail, hostileText({ maxPieces: 2 })).map(([email, noise]) => email + noise), weight: 1 },
  { arbitrary: fc.constantFrom("", "  ", "ليس-بريدًا", "a@b", "\u202Ea@example.com", "x@example.com\u0000"), weight: 1 },
);
const bodyArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: inertText, weight: 6 },
  { arbitrary: hostileText({ maxPieces: 12 }), weight: 5 },
  { arbitrary: fc.array(inertText, { minLength: 2, maxLength: 4 }).map((lines) => lines.join("\r\n")), weight: 1 },
  { arbitrary: nearLimit(COMMENT_BODY_MAX), weight: 1 },
  { arbitrary: fc.constantFrom(undefined, "", "\n\t ", 7), weight: 1 },
);
const formArbitrary: fc.Arbitrary<Form | null> = fc.option(
  fc.record({
    honeypot: fc.oneof(
      { arbitrary: fc.constantFrom("", " ", null, undefined), weight: 8 },
      { arbitrary: hostileText({ maxPieces: 2 }), weight: 1 },
    ),
    token: fc.oneof(
      { arbitrary: fc.constant("served a minute ago" as const), weight: 8 },
      { arbitrary: fc.constantFrom("just served" as const, "forged" as const, "absent" as const), weight: 1 },
    ),
  }),
  { freq: 2 },
);
const targetArbitrary = fc.oneof(
  { arbitrary: fc.constant<Target>("open"), weight: 10 },
  { arbitrary: fc.constantFrom<Target[]>("closed", "missing"), weight: 1 },
);

let articles: Record<Exclude<Target, "missing">, number>;

before(async () => {
  articles = { open: (await createArticle()).id, closed: (await createArticle({ commentsOpen: false })).id };
});

async function checkCase(testCase: Case): Promise<void> {
  const articleId = testCase.target === "missing" ? MISSING_ARTICLE_ID : articles[testCase.target];
  const form = testCase.form && { honeypot: testCase.form.honeypot, token: tokenFor(testCase.form.token) };
  const expected = expectedOutcome(testCase);
  const rowsBefore = await countRows();

  const outcome = await postComment(
    { articleId, ...testCase.input },
    { fingerprint: FINGERPRINT, form: form ?? undefined },
  ).then(
    (posted) => ({ posted }),
    (error: unknown) => ({ error }),
  );

  if ("error" in outcome) {
    assert.equal(kindOf(outcome.error), expected.kind, `refused as ${String(outcome.error)}`);
    assert.ok(outcome.error instanceof DomainError && isArabicMessage(outcome.error.publicMessage));
    if (outcome.error instanceof InvalidInputError && expected.kind === "invalid") {
      assert.deepEqual(Object.keys(outcome.error.fieldErrors).sort(), [...expected.fields].sort());
      for (const messages of Object.values(outcome.error.fieldErrors))
        assert.ok(messages.length > 0 && messages.every(isArabicMessage));
    }
    assert.deepEqual(await countRows(), rowsBefore, "a refused comment left a row behind");
    return;
  }

  assert.equal(expected.kind, "stored", `stored, but expected ${expected.kind}`);
  if (expected.kind !== "stored") return;
  assert.deepEqual(await countRows(), { ...rowsBefore, comments: rowsBefore.comments + 1 });
  const stored = await db.comment.findUniqueOrThrow({ where: { id: outcome.posted.id } });
  assert.deepEqual(
    { articleId: stored.articleId, authorName: stored.authorName, authorEmail: stored.authorEmail, body: stored.body },
    { articleId, authorName: expected.authorName, authorEmail: expected.authorEmail, body: expected.body },
  );
  const shown =
    outcome.posted.status === "APPROVED"
      ? await listApprovedComments(articleId)
      : await listOwnPendingComments(articleId, [outcome.posted.id]);
  const readBack = shown.find((comment) => comment.id === outcome.posted.id);
  assert.deepEqual(readBack && { authorName: readBack.authorName, body: readBack.body }, {
    authorName: expected.authorName,
    body: expected.body,
  });
}

describe("postComment with generated input", () => {
  test("refuses with an Arabic message and writes nothing, or stores exactly the normalised text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          input: fc.record({ authorName: nameArbitrary, authorEmail: emailArbitrary, body: bodyArbitrary }),
          form: formArbitrary,
          target: targetArbitrary,
        }),
        checkCase,
      ),
      { numRuns: 300 },
    );
  });

  test("a megabyte in any field is refused with the field named and nothing written", async () => {
    const field = fc.constantFrom("authorName", "authorEmail", "body");
    await fc.assert(
      fc.asyncProperty(field, hugeText, (name, huge) =>
        checkCase({ input: { authorName: "قارئ", body: "تعليق.", [name]: huge }, form: null, target: "open" }),
      ),
      { numRuns: 4 },
    );
  });
});
