-- Reader search on PostgreSQL: the twin of prisma/migrations/20261129100000_article_search (SQLite
-- FTS5), with PostgreSQL's own full-text search. "ArticleSearch" holds one tsvector per article,
-- kept in step with "Article" by triggers, so every write path (Prisma, the importer, raw SQL)
-- updates it in the same transaction. A GIN index answers the queries. The table is not a Prisma
-- model: the search SQL is in lib/search/postgresql.ts.
--
-- The text is NORMALIZED the way lib/search/normalize-arabic.ts normalizes queries (NFKC, lower
-- case, then NORMALIZATION_RULES). test/integration/search.test.ts checks that both give the same
-- text. Change the rules and this SQL together, in a new migration that replaces the functions and
-- rebuilds the rows.
--
-- FTS5's trigram index matches any substring. A tsvector matches whole lexemes, or their beginnings
-- with a prefix query (`:*`). To find a word written with prefixes (وبالكازاخية) by the bare word,
-- every word is indexed as written and without up to two prefixes, by the rule of WORD_PREFIXES in
-- lib/search/query.ts (a conjunction و ف before a preposition or the article: و + بال). Queries
-- search every word as a prefix, so كازاخ finds كازاخستان. Lexemes are built here, not by a text
-- search parser or dictionary, so what is indexed and what is searched are the same words exactly.
--
-- NOTE for this file and later ones: Prisma's adapter-pg (6.19) runs a migration by splitting it at
-- EVERY semicolon, even inside comments, strings and function bodies (prisma/orm#22495). So a
-- semicolon appears here only at the end of a statement: the PL/pgSQL bodies are E'' strings that
-- write their own semicolons as \073, and comments use none.

-- Words are found with [[:alnum:]], which follows the database's LC_CTYPE: in "C" it knows ASCII
-- only, and search would find no Arabic word at all. Refuse to install there rather than index nothing.
DO E'
BEGIN
  IF NOT (''كتاب'' ~ ''^[[:alnum:]]+$'') THEN
    RAISE EXCEPTION ''reader search needs a database whose LC_CTYPE classifies Arabic letters (such as C.UTF-8), not %'',
      current_setting(''lc_ctype'')\073
  END IF\073
END';

-- normalizeArabic: NFKC, lower case, then NORMALIZATION_RULES one code point at a time (translate()
-- replaces each character of the second argument with the one at the same place in the third, and
-- removes those past its end):
--   أ إ آ ٱ → ا (alef forms), ة → ه (taa marbuta), ى → ي (alef maqsura), ؤ → و (hamza on waw),
--   ئ → ي (hamza on yeh). Removed: ـ (tatweel), U+064B–U+0652 and U+0670 (tashkeel),
--   U+0653–U+0655 (combining madda and hamza).
-- lower() follows the database's LC_CTYPE, which folds Arabic-script text and Latin alike here.
CREATE FUNCTION article_search_normalize(content text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT translate(
    lower(normalize(content, NFKC)),
    U&'\0623\0625\0622\0671\0629\0649\0624\0626\0640\064B\064C\064D\064E\064F\0650\0651\0652\0670\0653\0654\0655',
    U&'\0627\0627\0627\0627\0647\064A\0648\064A'
  )
$$;

-- Words are runs of letters, digits and the marks written on them, as in lib/search/query.ts:
-- [[:alnum:]] of the database's LC_CTYPE, and the combining marks C.UTF-8 does not count as letters
-- (\p{M} in the query's word pattern does).
CREATE FUNCTION article_search_word_pattern() RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT U&'[[:alnum:]\0300-\036F\0658\06DF\06E0\06EA-\06EC\1AB0-\1AFF\1DC0-\1DFF\20D0-\20FF\FE20-\FE2F]+'
$$;

-- stripPrefix of lib/search/query.ts: one leading prefix of WORD_PREFIXES, when at least
-- MIN_TERM_LENGTH (3) letters remain. The regular expression prefers the longest prefix, as the
-- list's order does.
CREATE FUNCTION article_search_strip_prefix(word text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT regexp_replace(word, '^(?:وال|بال|فال|ال|لل|و|ب|ل|ف)(?=.{3})', '')
$$;

-- A lexeme as tsvector and tsquery input read it: quoted, its quotes and backslashes escaped, so
-- nothing in it is syntax. At most 500 characters (2000 bytes): a lexeme may not pass 2047 bytes,
-- and a query word is at most 200 characters, so a cut word is still found by its beginning.
CREATE FUNCTION article_search_lexeme(word text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT '''' || replace(replace(left(word, 500), '\', '\\'), '''', '''''') || ''''
$$;

-- The body's text as the SQLite index reads it (json_tree): in a JSON document, every string under
-- a "text" key, in document order, joined by spaces. json, not jsonb, keeps the order of keys, and
-- the path of ordinals from the root sorts the nodes in document order. A body that is not JSON
-- (PostgreSQL 15 has no pg_input_is_valid, so the cast's error is caught), or holds a "\u0000"
-- escape text cannot hold, is read as it is.
-- PL/pgSQL, not SQL, for the error and because it keeps the statement's plan from row to row.
CREATE FUNCTION article_search_body_text(body text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS E'
BEGIN
  RETURN (
    WITH RECURSIVE nodes(key, value, path) AS (
      SELECT NULL::text, body::json, ARRAY[]::bigint[]
      UNION ALL
      SELECT child.key, child.value, nodes.path || child.ordinal
      FROM nodes
      CROSS JOIN LATERAL (
        SELECT member.key, member.value, member.ordinal
        FROM json_each(CASE WHEN json_typeof(nodes.value) = ''object'' THEN nodes.value END) WITH ORDINALITY AS member(key, value, ordinal)
        UNION ALL
        SELECT NULL, item.value, item.ordinal
        FROM json_array_elements(CASE WHEN json_typeof(nodes.value) = ''array'' THEN nodes.value END) WITH ORDINALITY AS item(value, ordinal)
      ) AS child
    )
    SELECT string_agg(value #>> ''{}'', '' '' ORDER BY path)
    FROM nodes
    WHERE key = ''text'' AND json_typeof(value) = ''string''
  )\073
EXCEPTION
  WHEN invalid_text_representation OR untranslatable_character THEN
    RETURN body\073
END';

-- What the index holds for an article: every word of the headline, the dek and the body's text,
-- normalized, at its position (the tsvector caps positions at 16383), as written and without up to
-- two prefixes. The weights follow SQLite's bm25 (10, 5, 1): headline A, dek B, body D, and
-- lib/search/postgresql.ts gives ts_rank the matching numbers. One PL/pgSQL statement, so its plan
-- is made once per connection, not once per article.
CREATE FUNCTION article_search_document(headline text, dek text, body text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS E'
BEGIN
  RETURN (
    SELECT coalesce(string_agg(article_search_lexeme(variants.variant) || '':'' || least(words.position, 16383) || words.weight, '' ''), '''')::tsvector
    FROM (
      SELECT fields.weight, found.match[1] AS word, row_number() OVER (ORDER BY fields.rank, found.ordinal) AS position
      FROM (VALUES (1, headline, ''A''), (2, dek, ''B''), (3, article_search_body_text(body), ''D'')) AS fields(rank, content, weight)
      CROSS JOIN LATERAL regexp_matches(article_search_normalize(fields.content), article_search_word_pattern(), ''g'')
        WITH ORDINALITY AS found(match, ordinal)
    ) AS words
    CROSS JOIN LATERAL (SELECT article_search_strip_prefix(words.word) AS once) AS stripped
    CROSS JOIN LATERAL (VALUES (words.word), (stripped.once), (article_search_strip_prefix(stripped.once))) AS variants(variant)
  )\073
END';

-- The reader's words (parseSearchQuery's `words`) as a tsquery: every word required, each as the
-- beginning of a lexeme. The words go through the same normalization and word pattern as the
-- index, and every lexeme is quoted, so no input is ever tsquery syntax. No words, or a word with
-- nothing the index could hold, is NULL: it matches no article.
CREATE FUNCTION article_search_query(words text[]) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE WHEN count(*) > 0 AND bool_and(lexemes IS NOT NULL) THEN string_agg(lexemes, ' & ')::tsquery END
  FROM unnest(words) AS typed(word)
  CROSS JOIN LATERAL (
    SELECT string_agg(article_search_lexeme(piece.match[1]) || ':*', ' & ') AS lexemes
    FROM regexp_matches(article_search_normalize(typed.word), article_search_word_pattern(), 'g') AS piece(match)
  ) AS pieces
$$;

CREATE TABLE "ArticleSearch" (
  "articleId" INTEGER NOT NULL,
  "document" tsvector NOT NULL,

  CONSTRAINT "ArticleSearch_pkey" PRIMARY KEY ("articleId"),
  -- Deleting an article deletes its row: no delete trigger needed.
  CONSTRAINT "ArticleSearch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE
);

CREATE INDEX "ArticleSearch_document_idx" ON "ArticleSearch" USING GIN ("document");

CREATE FUNCTION article_search_refresh() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
  INSERT INTO "ArticleSearch" ("articleId", "document")
  VALUES (NEW."id", article_search_document(NEW."headline", NEW."dek", NEW."body"))
  ON CONFLICT ("articleId") DO UPDATE SET "document" = EXCLUDED."document"\073
  RETURN NULL\073
END';

CREATE TRIGGER "Article_search_after_insert" AFTER INSERT ON "Article"
FOR EACH ROW EXECUTE FUNCTION article_search_refresh();

-- Only when the text changed: Prisma names every field it was given, changed or not.
CREATE TRIGGER "Article_search_after_update" AFTER UPDATE OF "headline", "dek", "body" ON "Article"
FOR EACH ROW
WHEN (OLD."headline" IS DISTINCT FROM NEW."headline" OR OLD."dek" IS DISTINCT FROM NEW."dek" OR OLD."body" IS DISTINCT FROM NEW."body")
EXECUTE FUNCTION article_search_refresh();

-- Backfill: the articles written before this migration.
INSERT INTO "ArticleSearch" ("articleId", "document")
SELECT a."id", article_search_document(a."headline", a."dek", a."body")
FROM "Article" a;
