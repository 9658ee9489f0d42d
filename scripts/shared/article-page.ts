/*
 * An article page as a reader gets it, and the comment count its heading shows: "التعليقات (١٬٢٣٤)",
 * Arabic-Indic digits with the Arabic thousands separator (lib/format.ts).
 */
import { decodeEntities } from "./html-form";

export interface ArticlePageView {
  status: number;
  html: string;
  /** The comments heading as shown, or null when the page has none. */
  commentsHeading: string | null;
  /** The number in that heading, or null when there is none. */
  shownCommentCount: number | null;
}

const arabicIndicToLatin = (text: string) => text.replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));

export async function fetchArticlePage(baseUrl: string, path: string): Promise<ArticlePageView> {
  const response = await fetch(new URL(path, baseUrl));
  const html = await response.text();
  const heading = html.match(/<h2 id="comments-heading">([^<]*)<\/h2>/)?.[1];
  const commentsHeading = heading === undefined ? null : decodeEntities(heading);
  const digits = commentsHeading?.match(/\(([٠-٩٬]+)\)/)?.[1];
  return {
    status: response.status,
    html,
    commentsHeading,
    shownCommentCount: digits === undefined ? null : Number(arabicIndicToLatin(digits).replace(/٬/g, "")),
  };
}
