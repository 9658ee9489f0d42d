import { readFileSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { articleBodySchema } from "@/lib/articles/body/document";
import { slugify } from "@/lib/slug";
import { allTagNames, ArabicNewsWriter, mineSeedClauses } from "./arabic-text";
import { createFreshDatabase } from "./bench-database";
import { SECTIONS } from "./arabic-vocabulary";
import { Random } from "./random";

export const SEED_ARTICLE_FILE = "prisma/seed/almnatiq-1101899.txt";

const AUTHORS = 5;
const ARTICLES_PER_DAY = 100;
const MAX_COMMENTS_PER_ARTICLE = 6;

export interface ArchiveSummary {
  /** The SQLite file, or the PostgreSQL database the archive was copied into. */
  database: string;
  articles: number;
  comments: number;
  tags: number;
  sections: number;
  authors: number;
  searchRows: number;
  /** Migrating and seeding the empty database (the app's own db:fresh). */
  setupSeconds: number;
  /** Generating and inserting the archive, the search index included. */
  insertSeconds: number;
  /** Copying the generated SQLite archive into PostgreSQL, its search index included; null on SQLite. */
  copySeconds: number | null;
  megabytes: number;
}

/** Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit offset; so do we. */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/**
 * A fresh database at `file` (migrated and seeded the way the app's own `db:fresh` does it) plus
 * `count` synthetic published articles, newest last like an archive grown over time, with tags,
 * authors and comments. One transaction of prepared statements; the migration's triggers fill
 * the search index as the articles go in.
 */
export function createArchive(file: string, count: number, seed = 20261129): ArchiveSummary {
  const started = performance.now();
  createFreshDatabase(`file:${file}`);
  const setupDone = performance.now();
  const db = new Database(file);
  // A throw-away file built in one go: the journal in memory, nothing synced until it is complete.
  // (SQLite leaves WAL, which db:fresh set, only for a rollback mode: DELETE first.)
  for (const mode of ["DELETE", "MEMORY"]) {
    if (db.pragma(`journal_mode = ${mode}`, { simple: true }) !== mode.toLowerCase())
      throw new Error(`could not set journal_mode ${mode}`);
  }
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  const random = new Random(seed);
  const writer = new ArabicNewsWriter(random, mineSeedClauses(readFileSync(SEED_ARTICLE_FILE, "utf8")));
  const insert = prepareInserts(db);
  const now = Date.now();
  let comments = 0;

  db.transaction(() => {
    const sectionIds = SECTIONS.map((section) =>
      Number(
        insert.section.run(slugify(section.name), section.name, section.description, sqliteDate(new Date(now)))
          .lastInsertRowid,
      ),
    );
    const tagIds = new Map(
      allTagNames().map((name) => [
        name,
        Number(insert.tag.run(slugify(name), name, sqliteDate(new Date(now))).lastInsertRowid),
      ]),
    );
    const authorIds = Array.from({ length: AUTHORS }, (_, index) => {
      const id = `bench-author-${index + 1}`;
      const name = writer.personName();
      const section = SECTIONS[index % SECTIONS.length];
      insert.user.run({
        id,
        name,
        email: `author${index + 1}@bench.example`,
        role: index === 0 ? "EDITOR" : "AUTHOR",
        slug: `${slugify(name)}-${index + 1}`,
        bio: `يكتب في قسم ${section.name} منذ سنوات.`,
        createdAt: sqliteDate(new Date(now)),
      });
      return id;
    });

    const slugs = new Set<string>();
    const meanGapMs = 86_400_000 / ARTICLES_PER_DAY;
    let publishedAt = now - count * meanGapMs - 600_000;
    for (let index = 0; index < count; index += 1) {
      publishedAt += random.int(meanGapMs / 2, (meanGapMs * 3) / 2);
      const article = writer.article(random.int(0, SECTIONS.length - 1));
      if (index === 0) articleBodySchema.parse(article.body);
      const slug = uniqueSlug(slugify(article.headline), slugs);
      const published = sqliteDate(new Date(publishedAt));
      const byAuthor = random.chance(0.7);
      const articleId = Number(
        insert.article.run({
          slug,
          headline: article.headline,
          dek: article.dek,
          body: JSON.stringify(article.body),
          sectionId: sectionIds[article.sectionIndex],
          bylineLabel: byAuthor ? null : writer.agencyByline(),
          authorId: byAuthor ? random.pick(authorIds) : null,
          publishedAt: published,
          commentsOpen: random.chance(0.9) ? 1 : 0,
        }).lastInsertRowid,
      );
      for (const name of article.tagNames) insert.articleTag.run(articleId, tagIds.get(name));
      const commentCount = random.int(0, MAX_COMMENTS_PER_ARTICLE);
      for (let commentIndex = 0; commentIndex < commentCount; commentIndex += 1) {
        insert.comment.run({
          articleId,
          authorName: writer.personName(),
          authorEmail: random.chance(0.5) ? `reader${random.int(1, 5000)}@mail.example` : null,
          body: writer.comment(article.tagNames[0]),
          status: random.chance(0.85) ? "APPROVED" : random.chance(0.7) ? "PENDING" : "SPAM",
          createdAt: sqliteDate(new Date(publishedAt + random.int(60_000, 86_400_000))),
        });
      }
      comments += commentCount;
    }
  })();

  const articles = Number(db.prepare(`SELECT count(*) FROM "Article"`).pluck().get());
  const searchRows = Number(db.prepare(`SELECT count(*) FROM "ArticleSearch"`).pluck().get());
  if (searchRows !== articles) throw new Error(`search index has ${searchRows} rows for ${articles} articles`);
  db.pragma("journal_mode = WAL");
  db.close();
  return {
    database: file,
    articles,
    comments,
    tags: allTagNames().length,
    sections: SECTIONS.length,
    authors: AUTHORS,
    searchRows,
    setupSeconds: (setupDone - started) / 1000,
    insertSeconds: (performance.now() - setupDone) / 1000,
    copySeconds: null,
    megabytes: statSync(file).size / 1_048_576,
  };
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
  taken.add(slug);
  return slug;
}

function prepareInserts(db: Database.Database) {
  return {
    section: db.prepare(`INSERT INTO "Section" (slug, name, description, createdAt) VALUES (?, ?, ?, ?)`),
    tag: db.prepare(`INSERT INTO "Tag" (slug, name, createdAt) VALUES (?, ?, ?)`),
    user: db.prepare(
      `INSERT INTO "User" (id, name, email, emailVerified, role, slug, bio, createdAt, updatedAt)
       VALUES (@id, @name, @email, 0, @role, @slug, @bio, @createdAt, @createdAt)`,
    ),
    article: db.prepare(
      `INSERT INTO "Article" (slug, headline, dek, body, sectionId, bylineLabel, authorId, status, publishedAt, commentsOpen, createdAt, updatedAt)
       VALUES (@slug, @headline, @dek, @body, @sectionId, @bylineLabel, @authorId, 'PUBLISHED', @publishedAt, @commentsOpen, @publishedAt, @publishedAt)`,
    ),
    articleTag: db.prepare(`INSERT INTO "ArticleTag" (articleId, tagId) VALUES (?, ?)`),
    comment: db.prepare(
      `INSERT INTO "Comment" (articleId, authorName, authorEmail, body, status, createdAt) VALUES (@articleId, @authorName, @authorEmail, @body, @status, @createdAt)`,
    ),
  };
}
