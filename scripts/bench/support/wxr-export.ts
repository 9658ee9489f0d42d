import { createWriteStream, readFileSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { blockPlainText } from "@/lib/articles/body/document";
import { SECTIONS } from "./arabic-vocabulary";
import { allTagNames, ArabicNewsWriter, mineSeedClauses } from "./arabic-text";
import { Random } from "./random";

/*
 * A WordPress export (WXR 1.2) of a generated Arabic news site, written as WordPress writes one:
 * percent-encoded slugs, half the posts from the block editor and half classic (no <p> tags),
 * threaded comments, authors, categories and tags, every field in CDATA. Streamed to disk, so a
 * file of any size is written in constant memory. For `npm run bench:import` and the import tests.
 */

export interface WxrExportSize {
  posts: number;
  comments: number;
  /** Of the comments, the share that answer another comment of their post. */
  replyShare?: number;
  authors: number;
  categories: number;
  tags: number;
  seed?: number;
}

export const SITE_URL = "https://akhbar.example";
const SEED_PAGE = path.join("prisma", "seed", "almnatiq-1101899.txt");

const cdata = (text: string) => `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
const encodeSlug = (slug: string) => encodeURIComponent(slug).toLowerCase();
const wpDate = (date: Date) => date.toISOString().slice(0, 19).replace("T", " ");

function termNames(count: number, base: readonly string[], prefix: string): string[] {
  return Array.from({ length: count }, (_, index) => (index < base.length ? base[index] : `${prefix} ${index + 1}`));
}

/** Writes the export to `file`; returns how many comments answer another. */
export async function writeWxrExport(file: string, size: WxrExportSize): Promise<{ replies: number }> {
  const random = new Random(size.seed ?? 1101899);
  const writer = new ArabicNewsWriter(random, mineSeedClauses(readFileSync(SEED_PAGE, "utf8")));
  const out = createWriteStream(file, { encoding: "utf8" });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const categories = termNames(
    size.categories,
    SECTIONS.map((section) => section.name),
    "قسم",
  );
  const tags = termNames(size.tags, allTagNames(), "وسم");
  const authors = Array.from({ length: size.authors }, (_, index) => ({
    login: `author${index + 1}`,
    email: `author${index + 1}@akhbar.example`,
    name: writer.personName(),
  }));

  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>${cdata("أخبار المنطقة")}</title>
<link>${SITE_URL}</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${SITE_URL}</wp:base_site_url>
<wp:base_blog_url>${SITE_URL}</wp:base_blog_url>
`);
  for (const [index, author] of authors.entries()) {
    await write(
      `<wp:author><wp:author_id>${index + 1}</wp:author_id><wp:author_login>${cdata(author.login)}</wp:author_login><wp:author_email>${cdata(author.email)}</wp:author_email><wp:author_display_name>${cdata(author.name)}</wp:author_display_name></wp:author>\n`,
    );
  }
  for (const [index, name] of categories.entries()) {
    await write(
      `<wp:category><wp:term_id>${index + 1}</wp:term_id><wp:category_nicename>${cdata(encodeSlug(name.replaceAll(" ", "-")))}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(name)}</wp:cat_name></wp:category>\n`,
    );
  }
  for (const [index, name] of tags.entries()) {
    await write(
      `<wp:tag><wp:term_id>${1000 + index}</wp:term_id><wp:tag_slug>${cdata(encodeSlug(name.replaceAll(" ", "-")))}</wp:tag_slug><wp:tag_name>${cdata(name)}</wp:tag_name></wp:tag>\n`,
    );
  }

  const commentsPerPost = size.comments / Math.max(1, size.posts);
  const replyShare = size.replyShare ?? 1 / 3;
  let commentsLeft = size.comments;
  let commentId = 1;
  let replies = 0;
  const start = Date.UTC(2015, 0, 1);
  for (let index = 0; index < size.posts; index += 1) {
    const postId = index + 1;
    const article = writer.article(index % SECTIONS.length);
    const date = new Date(start + index * 3_600_000);
    const slug = `${article.headline.split(/\s+/).slice(0, 5).join("-")}-${postId}`;
    const classic = index % 2 === 1;
    const paragraphs = article.body.blocks.map(blockPlainText);
    const content = classic
      ? paragraphs.join("\n\n")
      : paragraphs.map((text) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`).join("\n\n");
    const category = categories[index % categories.length];
    const postTags = random.sample(tags, random.int(1, 4));
    const count =
      index === size.posts - 1 ? commentsLeft : Math.min(commentsLeft, random.int(0, Math.round(commentsPerPost * 2)));
    commentsLeft -= count;
    const postComments: string[] = [];
    const ids: number[] = [];
    for (let number = 0; number < count; number += 1) {
      const id = commentId++;
      const parent = ids.length > 0 && random.chance(replyShare) ? random.pick(ids) : 0;
      if (parent) replies += 1;
      ids.push(id);
      const commentDate = new Date(date.getTime() + (number + 1) * 60_000);
      postComments.push(
        `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${cdata(writer.personName())}</wp:comment_author><wp:comment_author_email>${cdata(`reader${id % 500}@readers.example`)}</wp:comment_author_email><wp:comment_author_IP>${cdata("203.0.113.9")}</wp:comment_author_IP><wp:comment_date>${cdata(wpDate(commentDate))}</wp:comment_date><wp:comment_date_gmt>${cdata(wpDate(commentDate))}</wp:comment_date_gmt><wp:comment_content>${cdata(writer.comment(postTags[0]))}</wp:comment_content><wp:comment_approved>${cdata(random.chance(0.9) ? "1" : "0")}</wp:comment_approved><wp:comment_type>${cdata("comment")}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`,
      );
    }
    await write(`<item>
<title>${cdata(article.headline)}</title>
<link>${SITE_URL}/${wpDate(date).slice(0, 10).replaceAll("-", "/")}/${encodeSlug(slug)}/</link>
<dc:creator>${cdata(authors[index % authors.length].login)}</dc:creator>
<guid isPermaLink="false">${SITE_URL}/?p=${postId}</guid>
<content:encoded>${cdata(content)}</content:encoded>
<excerpt:encoded>${cdata(article.dek ?? "")}</excerpt:encoded>
<wp:post_id>${postId}</wp:post_id>
<wp:post_date>${cdata(wpDate(date))}</wp:post_date>
<wp:post_date_gmt>${cdata(wpDate(date))}</wp:post_date_gmt>
<wp:comment_status>${cdata(index % 10 === 0 ? "closed" : "open")}</wp:comment_status>
<wp:post_name>${cdata(encodeSlug(slug))}</wp:post_name>
<wp:status>${cdata("publish")}</wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type>${cdata("post")}</wp:post_type>
<wp:post_password>${cdata("")}</wp:post_password>
<category domain="category" nicename="${encodeSlug(category.replaceAll(" ", "-"))}">${cdata(category)}</category>
${postTags.map((tag) => `<category domain="post_tag" nicename="${encodeSlug(tag.replaceAll(" ", "-"))}">${cdata(tag)}</category>`).join("\n")}
${postComments.join("\n")}
</item>
`);
  }
  await write("</channel>\n</rss>\n");
  out.end();
  await once(out, "finish");
  return { replies };
}
