-- A tsvector holds at most 1 MB, so an article whose text makes a bigger one (a body of a
-- megabyte: the importer takes it, and SQLite's FTS5 indexes it whole) made its INSERT or UPDATE
-- fail. The trigger now indexes such an article with the first 100,000 characters of its body's
-- text, and with its headline and dek alone if even that is too big: an article is always stored,
-- and a news article (a few thousand characters) is always indexed whole.
-- (No semicolon but at the ends of statements: see 20261129180000_article_search.)
CREATE OR REPLACE FUNCTION article_search_refresh() RETURNS trigger
LANGUAGE plpgsql
AS E'
DECLARE
  document tsvector\073
BEGIN
  BEGIN
    document := article_search_document(NEW."headline", NEW."dek", NEW."body")\073
  EXCEPTION WHEN program_limit_exceeded THEN
    BEGIN
      document := article_search_document(NEW."headline", NEW."dek", left(article_search_body_text(NEW."body"), 100000))\073
    EXCEPTION WHEN program_limit_exceeded THEN
      document := article_search_document(NEW."headline", NEW."dek", NULL)\073
    END\073
  END\073
  INSERT INTO "ArticleSearch" ("articleId", "document")
  VALUES (NEW."id", document)
  ON CONFLICT ("articleId") DO UPDATE SET "document" = EXCLUDED."document"\073
  RETURN NULL\073
END';
