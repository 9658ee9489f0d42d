/**
 * Reads the text of an article page as copied from an Arabic news site:
 *
 *   headline
 *   (blank)
 *   headline again                       optional: the page repeats its title
 *   lead-image caption, ending with its  optional: "(Photo by …)" then usage terms
 *   credit
 *   https://site/?p=1101899              required: the source URL (legacy id from ?p= or the path)
 *   المناطق_متابعات                       optional: "<publication>_<section>" label
 *   body paragraphs …                    required: one paragraph a line
 *   التعليقات (٠) اضف تعليق               page furniture: the comments widget,
 *   التعليقات مغلقة                       whose "closed" notice sets the comments state,
 *   Advertisements                       and the ad slot
 *
 * Text is kept exactly as written (quotes, "(…)", punctuation); only surrounding white space goes.
 */
import { slugify } from "../slug";

export interface ParsedLeadImage {
  caption: string;
  credit: string | null;
  rights: string | null;
  captionLang: "ar" | "en";
}

export interface ParsedArticle {
  headline: string;
  leadImage: ParsedLeadImage | null;
  sourceUrl: string;
  legacyId: string | null;
  sectionName: string | null;
  bylineLabel: string | null;
  paragraphs: string[];
  commentsOpen: boolean;
}

export class ArticleFormatError extends Error {
  constructor(
    readonly reason: string,
    readonly line?: number,
  ) {
    super(line ? `line ${line}: ${reason}` : reason);
    this.name = "ArticleFormatError";
  }
}

interface Line {
  number: number;
  text: string;
}

const URL_LINE = /^https?:\/\/\S+$/i;
const COMMENT_COUNTER = /^التعليقات\s*\([0-9٠-٩]+\)/;
const COMMENTS_CLOSED = /^التعليقات\s+مغلقة\.?$/;
const ADD_COMMENT = /^[أا]ضف\s+تعليق(?:ا|\u064B)*$/;
const AD_SLOT = /^(advertisements?|إعلانات?)$/i;
// A credit in parentheses: "(Photo by Handout / AFP)", "(تصوير: …)", "(الصورة: …)".
const PHOTO_CREDIT = /\(((?:photo(?:graph)?|image|picture)\s+by\s[^)]+|(?:تصوير|الصورة|صورة)\s*:?\s*[^)]+)\)/gi;
// A label, not a sentence: a few words, no sentence punctuation.
const SHORT_LABEL = /^[^.،,؛;:!؟?“”"«»()]{1,60}$/u;
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Half of a UTF-16 pair: no file read as UTF-8 has one, and the database cannot store it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function parseArticleText(text: string): ParsedArticle {
  if (FORBIDDEN_CONTROL.test(text)) {
    throw new ArticleFormatError("the file has control characters: it is not a text article page");
  }
  if (LONE_SURROGATE.test(text)) {
    throw new ArticleFormatError("the text has a lone UTF-16 surrogate: it is not valid Unicode");
  }
  const lines: Line[] = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ number: index + 1, text: raw.trim() }))
    .filter((line) => line.text.length > 0);

  const headlineLine = lines[0];
  if (!headlineLine || isFurniture(headlineLine.text)) {
    throw new ArticleFormatError("no headline: the file is empty or starts with page furniture");
  }
  if (URL_LINE.test(headlineLine.text)) {
    throw new ArticleFormatError("no headline: the first line is a URL", headlineLine.number);
  }
  if (!slugify(headlineLine.text)) {
    throw new ArticleFormatError(
      "no headline: the first line has no letters or digits to make its address from",
      headlineLine.number,
    );
  }
  const headline = headlineLine.text;
  let cursor = lines[1]?.text === headline ? 2 : 1;

  const urlIndex = lines.findIndex((line, index) => index >= cursor && URL_LINE.test(line.text));
  if (urlIndex === -1) {
    throw new ArticleFormatError(
      `no source URL: expected a line starting with http:// or https:// after the headline (line ${headlineLine.number})`,
    );
  }
  const urlLine = lines[urlIndex];
  const sourceUrl = parseSourceUrl(urlLine);
  const captionLines = lines.slice(cursor, urlIndex);
  const leadImage = captionLines.length ? parseLeadImage(captionLines.map((line) => line.text).join(" ")) : null;
  cursor = urlIndex + 1;

  let sectionName: string | null = null;
  let bylineLabel: string | null = null;
  const labelLine = lines[cursor];
  if (labelLine && !isFurniture(labelLine.text) && SHORT_LABEL.test(labelLine.text) && lines[cursor + 1]) {
    ({ sectionName, bylineLabel } = parseLabel(labelLine.text));
    cursor += 1;
  }

  const paragraphs: string[] = [];
  while (cursor < lines.length && !isFurniture(lines[cursor].text)) {
    paragraphs.push(lines[cursor].text);
    cursor += 1;
  }
  if (paragraphs.length === 0) {
    throw new ArticleFormatError(`no body: expected paragraphs after the source URL (line ${urlLine.number})`);
  }

  let commentsOpen = true;
  for (const line of lines.slice(cursor)) {
    if (!isFurniture(line.text)) {
      throw new ArticleFormatError(
        `unexpected text after the comments widget and ad slot: "${line.text.slice(0, 40)}"`,
        line.number,
      );
    }
    if (COMMENTS_CLOSED.test(line.text)) commentsOpen = false;
  }

  return {
    headline,
    leadImage,
    sourceUrl,
    legacyId: legacyIdFrom(new URL(sourceUrl)),
    sectionName,
    bylineLabel,
    paragraphs,
    commentsOpen,
  };
}

function isFurniture(text: string): boolean {
  return [COMMENT_COUNTER, COMMENTS_CLOSED, ADD_COMMENT, AD_SLOT].some((pattern) => pattern.test(text));
}

function parseSourceUrl(line: Line): string {
  try {
    return new URL(line.text).toString();
  } catch {
    throw new ArticleFormatError(`the source URL is not a valid URL: "${line.text}"`, line.number);
  }
}

/** `?p=1101899` (WordPress) or a numeric last path segment (`/news/1101899`). */
function legacyIdFrom(url: URL): string | null {
  const queryId = url.searchParams.get("p");
  if (queryId && /^\d+$/.test(queryId)) return queryId;
  const lastSegment = url.pathname.split("/").filter(Boolean).pop();
  return lastSegment && /^\d+$/.test(lastSegment) ? lastSegment : null;
}

/** "المناطق_متابعات": the publication's desk label; its last part names the section, if it has letters for an address. */
function parseLabel(label: string): { sectionName: string | null; bylineLabel: string } {
  const parts = label
    .split("_")
    .map((part) => part.trim())
    .filter(Boolean);
  const sectionName = parts.at(-1);
  return { sectionName: sectionName && slugify(sectionName) ? sectionName : null, bylineLabel: label };
}

function parseLeadImage(paragraph: string): ParsedLeadImage {
  const captionLang = languageOf(paragraph);
  const credits = [...paragraph.matchAll(PHOTO_CREDIT)];
  const credit = credits.at(-1);
  if (!credit || credit.index === undefined) {
    return { caption: paragraph, credit: null, rights: null, captionLang };
  }
  const caption = paragraph.slice(0, credit.index).replace(/[\s\-–—]+$/u, "");
  const rights = paragraph
    .slice(credit.index + credit[0].length)
    .replace(/^[\s/\-–—]+/u, "")
    .trim();
  return {
    caption: caption || paragraph,
    credit: credit[1].trim(),
    rights: rights || null,
    captionLang,
  };
}

function languageOf(text: string): "ar" | "en" {
  const arabic = text.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return latin > arabic ? "en" : "ar";
}
