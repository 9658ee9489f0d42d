-- Reader search: an FTS5 index of every article's headline, dek and body text, kept in step with
-- "Article" by triggers, so every write path (Prisma, the importer, raw SQL) updates it in the same
-- transaction. The index is not a Prisma model: the search SQL is in lib/search/sqlite.ts.
--
-- The text is stored NORMALIZED the way lib/search/normalize-arabic.ts normalizes queries: alef
-- forms, taa marbuta, alef maqsura and hamza carriers folded, tatweel and tashkeel removed. The
-- nested replace() calls below apply NORMALIZATION_RULES one code point at a time, in the same
-- order, after lower() (ASCII only; FTS5 folds case itself). test/integration/search.test.ts checks
-- that they give exactly what normalizeArabic gives. Change the rules and this SQL together (in a
-- new migration that drops and recreates the triggers, then rebuilds the rows).
--
-- The trigram tokenizer matches any substring of three characters or more, so a word still matches
-- with a prefix written onto it (وكازاخستان contains كازاخستان). Each row's rowid is its article's
-- id, so the triggers find it without a scan; "articleId" holds the same id for readers of the table.
--
-- NOTE for later migrations: SQLite drops these triggers with the table. A migration that redefines
-- "Article" (Prisma's CREATE "new_Article" … DROP TABLE "Article" … RENAME) must create them again.

CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
  headline,
  summary,
  body,
  articleId UNINDEXED,
  tokenize = 'trigram'
);

CREATE TRIGGER "Article_search_after_insert" AFTER INSERT ON "Article" BEGIN
  DELETE FROM "ArticleSearch" WHERE rowid = NEW."id";
  INSERT INTO "ArticleSearch" (rowid, headline, summary, body, articleId) VALUES (
    NEW."id",
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(NEW."headline"),
      char(1571), char(1575)), -- U+0623 أ → ا U+0627 (alef forms)
      char(1573), char(1575)), -- U+0625 إ → ا U+0627 (alef forms)
      char(1570), char(1575)), -- U+0622 آ → ا U+0627 (alef forms)
      char(1649), char(1575)), -- U+0671 ٱ → ا U+0627 (alef forms)
      char(1577), char(1607)), -- U+0629 ة → ه U+0647 (taa marbuta)
      char(1609), char(1610)), -- U+0649 ى → ي U+064A (alef maqsura)
      char(1572), char(1608)), -- U+0624 ؤ → و U+0648 (hamza on waw)
      char(1574), char(1610)), -- U+0626 ئ → ي U+064A (hamza on yeh)
      char(1600), ''), -- U+0640 ـ → removed (tatweel)
      char(1611), ''), -- U+064B ◌ً → removed (tashkeel)
      char(1612), ''), -- U+064C ◌ٌ → removed (tashkeel)
      char(1613), ''), -- U+064D ◌ٍ → removed (tashkeel)
      char(1614), ''), -- U+064E ◌َ → removed (tashkeel)
      char(1615), ''), -- U+064F ◌ُ → removed (tashkeel)
      char(1616), ''), -- U+0650 ◌ِ → removed (tashkeel)
      char(1617), ''), -- U+0651 ◌ّ → removed (tashkeel)
      char(1618), ''), -- U+0652 ◌ْ → removed (tashkeel)
      char(1648), ''), -- U+0670 ◌ٰ → removed (tashkeel)
      char(1619), ''), -- U+0653 ◌ٓ → removed (combining madda and hamza)
      char(1620), ''), -- U+0654 ◌ٔ → removed (combining madda and hamza)
      char(1621), ''), -- U+0655 ◌ٕ → removed (combining madda and hamza)
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(NEW."dek"),
      char(1571), char(1575)), -- U+0623 أ → ا U+0627 (alef forms)
      char(1573), char(1575)), -- U+0625 إ → ا U+0627 (alef forms)
      char(1570), char(1575)), -- U+0622 آ → ا U+0627 (alef forms)
      char(1649), char(1575)), -- U+0671 ٱ → ا U+0627 (alef forms)
      char(1577), char(1607)), -- U+0629 ة → ه U+0647 (taa marbuta)
      char(1609), char(1610)), -- U+0649 ى → ي U+064A (alef maqsura)
      char(1572), char(1608)), -- U+0624 ؤ → و U+0648 (hamza on waw)
      char(1574), char(1610)), -- U+0626 ئ → ي U+064A (hamza on yeh)
      char(1600), ''), -- U+0640 ـ → removed (tatweel)
      char(1611), ''), -- U+064B ◌ً → removed (tashkeel)
      char(1612), ''), -- U+064C ◌ٌ → removed (tashkeel)
      char(1613), ''), -- U+064D ◌ٍ → removed (tashkeel)
      char(1614), ''), -- U+064E ◌َ → removed (tashkeel)
      char(1615), ''), -- U+064F ◌ُ → removed (tashkeel)
      char(1616), ''), -- U+0650 ◌ِ → removed (tashkeel)
      char(1617), ''), -- U+0651 ◌ّ → removed (tashkeel)
      char(1618), ''), -- U+0652 ◌ْ → removed (tashkeel)
      char(1648), ''), -- U+0670 ◌ٰ → removed (tashkeel)
      char(1619), ''), -- U+0653 ◌ٓ → removed (combining madda and hamza)
      char(1620), ''), -- U+0654 ◌ٔ → removed (combining madda and hamza)
      char(1621), ''), -- U+0655 ◌ٕ → removed (combining madda and hamza)
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower((CASE WHEN json_valid(NEW."body") THEN (SELECT group_concat("value", ' ' ORDER BY "id") FROM json_tree(NEW."body") WHERE "key" = 'text' AND "type" = 'text') ELSE NEW."body" END)),
      char(1571), char(1575)), -- U+0623 أ → ا U+0627 (alef forms)
      char(1573), char(1575)), -- U+0625 إ → ا U+0627 (alef forms)
      char(1570), char(1575)), -- U+0622 آ → ا U+0627 (alef forms)
      char(1649), char(1575)), -- U+0671 ٱ → ا U+0627 (alef forms)
      char(1577), char(1607)), -- U+0629 ة → ه U+0647 (taa marbuta)
      char(1609), char(1610)), -- U+0649 ى → ي U+064A (alef maqsura)
      char(1572), char(1608)), -- U+0624 ؤ → و U+0648 (hamza on waw)
      char(1574), char(1610)), -- U+0626 ئ → ي U+064A (hamza on yeh)
      char(1600), ''), -- U+0640 ـ → removed (tatweel)
      char(1611), ''), -- U+064B ◌ً → removed (tashkeel)
      char(1612), ''), -- U+064C ◌ٌ → removed (tashkeel)
      char(1613), ''), -- U+064D ◌ٍ → removed (tashkeel)
      char(1614), ''), -- U+064E ◌َ → removed (tashkeel)
      char(1615), ''), -- U+064F ◌ُ → removed (tashkeel)
      char(1616), ''), -- U+0650 ◌ِ → removed (tashkeel)
      char(1617), ''), -- U+0651 ◌ّ → removed (tashkeel)
      char(1618), ''), -- U+0652 ◌ْ → removed (tashkeel)
      char(1648), ''), -- U+0670 ◌ٰ → removed (tashkeel)
      char(1619), ''), -- U+0653 ◌ٓ → removed (combining madda and hamza)
      char(1620), ''), -- U+0654 ◌ٔ → removed (combining madda and hamza)
      char(1621), ''), -- U+0655 ◌ٕ → removed (combining madda and hamza)
    NEW."id"
  );
END;

CREATE TRIGGER "Article_search_after_update" AFTER UPDATE OF "headline", "dek", "body" ON "Article" BEGIN
  DELETE FROM "ArticleSearch" WHERE rowid = OLD."id";
  INSERT INTO "ArticleSearch" (rowid, headline, summary, body, articleId) VALUES (
    NEW."id",
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(NEW."headline"),
      char(1571), char(1575)), -- U+0623 أ → ا U+0627 (alef forms)
      char(1573), char(1575)), -- U+0625 إ → ا U+0627 (alef forms)
      char(1570), char(1575)), -- U+0622 آ → ا U+0627 (alef forms)
      char(1649), char(1575)), -- U+0671 ٱ → ا U+0627 (alef forms)
      char(1577), char(1607)), -- U+0629 ة → ه U+0647 (taa marbuta)
      char(1609), char(1610)), -- U+0649 ى → ي U+064A (alef maqsura)
      char(1572), char(1608)), -- U+0624 ؤ → و U+0648 (hamza on waw)
      char(1574), char(1610)), -- U+0626 ئ → ي U+064A (hamza on yeh)
      char(1600), ''), -- U+0640 ـ → removed (tatweel)
      char(1611), ''), -- U+064B ◌ً → removed (tashkeel)
      char(1612), ''), -- U+064C ◌ٌ → removed (tashkeel)
      char(1613), ''), -- U+064D ◌ٍ → removed (tashkeel)
      char(1614), ''), -- U+064E ◌َ → removed (tashkeel)
      char(1615), ''), -- U+064F ◌ُ → removed (tashkeel)
      char(1616), ''), -- U+0650 ◌ِ → removed (tashkeel)
      char(1617), ''), -- U+0651 ◌ّ → removed (tashkeel)
      char(1618), ''), -- U+0652 ◌ْ → removed (tashkeel)
      char(1648), ''), -- U+0670 ◌ٰ → removed (tashkeel)
      char(1619), ''), -- U+0653 ◌ٓ → removed (combining madda and hamza)
      char(1620), ''), -- U+0654 ◌ٔ → removed (combining madda and hamza)
      char(1621), ''), -- U+0655 ◌ٕ → removed (combining madda and hamza)
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(NEW."dek"),
      char(1571), char(1575)), -- U+0623 أ → ا U+0627 (alef forms)
      char(1573), char(1575)), -- U+0625 إ → ا U+0627 (alef forms)
      char(1570), char(1575)), -- U+0622 آ → ا U+0627 (alef forms)
      char(1649), char(1575)), -- U+0671 ٱ → ا U+0627 (alef forms)
      char(1577), char(1607)), -- U+0629 ة → ه U+0647 (taa marbuta)
      char(1609), char(1610)), -- U+0649 ى → ي U+064A (alef maqsura)
      char(1572), char(1608)), -- U+0624 ؤ → و U+0648 (hamza on waw)
      char(1574), char(1610)), -- U+0626 ئ → ي U+064A (hamza on yeh)
      char(1600), ''), -- U+0640 ـ → removed (tatweel)
      char(1611), ''), -- U+064B ◌ً → removed (tashkeel)
      char(1612), ''), -- U+064C ◌ٌ → removed (tashkeel)
      char(1613), ''), -- U+064D ◌ٍ → removed (tashkeel)
      char(1614), ''), -- U+064E ◌َ → removed (tashkeel)
      char(1615), ''), -- U+064F ◌ُ → removed (tashkeel)
      char(1616), ''), -- U+0650 ◌ِ → removed (tashkeel)
      char(1617), ''), -- U+0651 ◌ّ → removed (tashkeel)
      char(1618), ''), -- U+0652 ◌ْ → removed (tashkeel)
      char(1648), ''), -- U+0670 ◌ٰ → removed (tashkeel)
      char(1619), ''), -- U+0653 ◌ٓ → removed (combining madda and hamza)
      char(1620), ''), -- U+0654 ◌ٔ → removed (combining madda and hamza)
      char(1621), ''), -- U+0655 ◌ٕ → removed (combining madda and hamza)
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower((CASE WHEN json_valid(NEW."body") THEN (SELECT group_concat("value", ' ' ORDER BY "id") FROM json_tree(NEW."body") WHERE "key" = 'text' AND "type" = 'text') ELSE NEW."body" END)),
      char(1571), char(1575)), -- U+0623 أ → ا U+0627 (alef forms)
      char(1573), char(1575)), -- U+0625 إ → ا U+0627 (alef forms)
      char(1570), char(1575)), -- U+0622 آ → ا U+0627 (alef forms)
      char(1649), char(1575)), -- U+0671 ٱ → ا U+0627 (alef forms)
      char(1577), char(1607)), -- U+0629 ة → ه U+0647 (taa marbuta)
      char(1609), char(1610)), -- U+0649 ى → ي U+064A (alef maqsura)
      char(1572), char(1608)), -- U+0624 ؤ → و U+0648 (hamza on waw)
      char(1574), char(1610)), -- U+0626 ئ → ي U+064A (hamza on yeh)
      char(1600), ''), -- U+0640 ـ → removed (tatweel)
      char(1611), ''), -- U+064B ◌ً → removed (tashkeel)
      char(1612), ''), -- U+064C ◌ٌ → removed (tashkeel)
      char(1613), ''), -- U+064D ◌ٍ → removed (tashkeel)
      char(1614), ''), -- U+064E ◌َ → removed (tashkeel)
      char(1615), ''), -- U+064F ◌ُ → removed (tashkeel)
      char(1616), ''), -- U+0650 ◌ِ → removed (tashkeel)
      char(1617), ''), -- U+0651 ◌ّ → removed (tashkeel)
      char(1618), ''), -- U+0652 ◌ْ → removed (tashkeel)
      char(1648), ''), -- U+0670 ◌ٰ → removed (tashkeel)
      char(1619), ''), -- U+0653 ◌ٓ → removed (combining madda and hamza)
      char(1620), ''), -- U+0654 ◌ٔ → removed (combining madda and hamza)
      char(1621), ''), -- U+0655 ◌ٕ → removed (combining madda and hamza)
    NEW."id"
  );
END;

CREATE TRIGGER "Article_search_after_delete" AFTER DELETE ON "Article" BEGIN
  DELETE FROM "ArticleSearch" WHERE rowid = OLD."id";
END;

-- Backfill: the articles written before this migration.
INSERT INTO "ArticleSearch" (rowid, headline, summary, body, articleId)
SELECT
  a."id",
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(a."headline"),
    char(1571), char(1575)), -- U+0623 أ → ا U+0627 (alef forms)
    char(1573), char(1575)), -- U+0625 إ → ا U+0627 (alef forms)
    char(1570), char(1575)), -- U+0622 آ → ا U+0627 (alef forms)
    char(1649), char(1575)), -- U+0671 ٱ → ا U+0627 (alef forms)
    char(1577), char(1607)), -- U+0629 ة → ه U+0647 (taa marbuta)
    char(1609), char(1610)), -- U+0649 ى → ي U+064A (alef maqsura)
    char(1572), char(1608)), -- U+0624 ؤ → و U+0648 (hamza on waw)
    char(1574), char(1610)), -- U+0626 ئ → ي U+064A (hamza on yeh)
    char(1600), ''), -- U+0640 ـ → removed (tatweel)
    char(1611), ''), -- U+064B ◌ً → removed (tashkeel)
    char(1612), ''), -- U+064C ◌ٌ → removed (tashkeel)
    char(1613), ''), -- U+064D ◌ٍ → removed (tashkeel)
    char(1614), ''), -- U+064E ◌َ → removed (tashkeel)
    char(1615), ''), -- U+064F ◌ُ → removed (tashkeel)
    char(1616), ''), -- U+0650 ◌ِ → removed (tashkeel)
    char(1617), ''), -- U+0651 ◌ّ → removed (tashkeel)
    char(1618), ''), -- U+0652 ◌ْ → removed (tashkeel)
    char(1648), ''), -- U+0670 ◌ٰ → removed (tashkeel)
    char(1619), ''), -- U+0653 ◌ٓ → removed (combining madda and hamza)
    char(1620), ''), -- U+0654 ◌ٔ → removed (combining madda and hamza)
    char(1621), ''), -- U+0655 ◌ٕ → removed (combining madda and hamza)
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(a."dek"),
    char(1571), char(1575)), -- U+0623 أ → ا U+0627 (alef forms)
    char(1573), char(1575)), -- U+0625 إ → ا U+0627 (alef forms)
    char(1570), char(1575)), -- U+0622 آ → ا U+0627 (alef forms)
    char(1649), char(1575)), -- U+0671 ٱ → ا U+0627 (alef forms)
    char(1577), char(1607)), -- U+0629 ة → ه U+0647 (taa marbuta)
    char(1609), char(1610)), -- U+0649 ى → ي U+064A (alef maqsura)
    char(1572), char(1608)), -- U+0624 ؤ → و U+0648 (hamza on waw)
    char(1574), char(1610)), -- U+0626 ئ → ي U+064A (hamza on yeh)
    char(1600), ''), -- U+0640 ـ → removed (tatweel)
    char(1611), ''), -- U+064B ◌ً → removed (tashkeel)
    char(1612), ''), -- U+064C ◌ٌ → removed (tashkeel)
    char(1613), ''), -- U+064D ◌ٍ → removed (tashkeel)
    char(1614), ''), -- U+064E ◌َ → removed (tashkeel)
    char(1615), ''), -- U+064F ◌ُ → removed (tashkeel)
    char(1616), ''), -- U+0650 ◌ِ → removed (tashkeel)
    char(1617), ''), -- U+0651 ◌ّ → removed (tashkeel)
    char(1618), ''), -- U+0652 ◌ْ → removed (tashkeel)
    char(1648), ''), -- U+0670 ◌ٰ → removed (tashkeel)
    char(1619), ''), -- U+0653 ◌ٓ → removed (combining madda and hamza)
    char(1620), ''), -- U+0654 ◌ٔ → removed (combining madda and hamza)
    char(1621), ''), -- U+0655 ◌ٕ → removed (combining madda and hamza)
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower((CASE WHEN json_valid(a."body") THEN (SELECT group_concat("value", ' ' ORDER BY "id") FROM json_tree(a."body") WHERE "key" = 'text' AND "type" = 'text') ELSE a."body" END)),
    char(1571), char(1575)), -- U+0623 أ → ا U+0627 (alef forms)
    char(1573), char(1575)), -- U+0625 إ → ا U+0627 (alef forms)
    char(1570), char(1575)), -- U+0622 آ → ا U+0627 (alef forms)
    char(1649), char(1575)), -- U+0671 ٱ → ا U+0627 (alef forms)
    char(1577), char(1607)), -- U+0629 ة → ه U+0647 (taa marbuta)
    char(1609), char(1610)), -- U+0649 ى → ي U+064A (alef maqsura)
    char(1572), char(1608)), -- U+0624 ؤ → و U+0648 (hamza on waw)
    char(1574), char(1610)), -- U+0626 ئ → ي U+064A (hamza on yeh)
    char(1600), ''), -- U+0640 ـ → removed (tatweel)
    char(1611), ''), -- U+064B ◌ً → removed (tashkeel)
    char(1612), ''), -- U+064C ◌ٌ → removed (tashkeel)
    char(1613), ''), -- U+064D ◌ٍ → removed (tashkeel)
    char(1614), ''), -- U+064E ◌َ → removed (tashkeel)
    char(1615), ''), -- U+064F ◌ُ → removed (tashkeel)
    char(1616), ''), -- U+0650 ◌ِ → removed (tashkeel)
    char(1617), ''), -- U+0651 ◌ّ → removed (tashkeel)
    char(1618), ''), -- U+0652 ◌ْ → removed (tashkeel)
    char(1648), ''), -- U+0670 ◌ٰ → removed (tashkeel)
    char(1619), ''), -- U+0653 ◌ٓ → removed (combining madda and hamza)
    char(1620), ''), -- U+0654 ◌ٔ → removed (combining madda and hamza)
    char(1621), ''), -- U+0655 ◌ٕ → removed (combining madda and hamza)
  a."id"
FROM "Article" a;
