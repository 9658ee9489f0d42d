import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { COMMENT_POSTED_MESSAGE, commentPostedAsFromLocation } from "../../lib/comments/answers";
import { CommentsClosedError } from "../../lib/errors";
import { commentOutcome } from "../../scripts/shared/comment-post";

const page = (paragraph: string) => `<html><body><form class="comment-form">${paragraph}</form></body></html>`;

describe("commentPostedAsFromLocation", () => {
  test("names the answer from the redirect's fragment", () => {
    assert.equal(commentPostedAsFromLocation("/articles/%D8%AE%D8%A8%D8%B1#comment-published"), "published");
    assert.equal(commentPostedAsFromLocation("https://news.example/articles/x#comment-held"), "held");
  });

  test("names nothing for another fragment, or none", () => {
    assert.equal(commentPostedAsFromLocation("/articles/x#comments"), null);
    assert.equal(commentPostedAsFromLocation("/articles/comment-held"), null);
    assert.equal(commentPostedAsFromLocation("/articles/x#comment-held-or-not"), null);
  });
});

describe("commentOutcome", () => {
  test("reads a comment taken from the redirect that answered it", () => {
    assert.equal(commentOutcome(303, "/articles/x#comment-published", ""), "published");
    assert.equal(commentOutcome(303, "/articles/x#comment-held", ""), "held");
    assert.equal(commentOutcome(303, "/articles/x", ""), "unknown");
    assert.equal(commentOutcome(303, null, ""), "unknown");
  });

  test("reads a rendered answer from the form's message paragraph", () => {
    assert.equal(
      commentOutcome(
        200,
        null,
        page(`<p class="form-message form-message-success">${COMMENT_POSTED_MESSAGE.held}</p>`),
      ),
      "held",
    );
    assert.equal(
      commentOutcome(
        200,
        null,
        page(`<p class="form-message form-message-error">${new CommentsClosedError().publicMessage}</p>`),
      ),
      "closed",
    );
    assert.equal(
      commentOutcome(200, null, page(`<p class="form-message form-message-error">اكتب اسمك.</p>`)),
      "refused",
    );
    assert.equal(commentOutcome(200, null, page("")), "unknown");
  });

  test("does not take the page's hidden notices for an answer", () => {
    const notice = `<p id="comment-published" role="status" tabindex="-1" class="form-message comment-notice">${COMMENT_POSTED_MESSAGE.published}</p>`;
    assert.equal(commentOutcome(200, null, page(notice)), "unknown");
  });
});
