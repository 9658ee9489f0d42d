/** Public URLs, built in one place so links, canonical URLs and revalidation agree. */
export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;
export const sectionPath = (slug: string) => `/sections/${encodeURIComponent(slug)}`;
export const tagPath = (slug: string) => `/tags/${encodeURIComponent(slug)}`;
/** An editor's author page; users created before author slugs existed are addressed by id. */
export const authorPath = (slugOrId: string) => `/authors/${encodeURIComponent(slugOrId)}`;
/** The page of a byline label without an account behind it (an agency, the seed's desk label). */
export const sourcePath = (slug: string) => `/sources/${encodeURIComponent(slug)}`;
/** The page where a reader answers one published comment of the article. */
export const articleReplyPath = (slug: string, commentId: number) => `${articlePath(slug)}/reply/${commentId}`;
/** A page of the site outside the news (About, Contact…). */
export const sitePagePath = (slug: string) => `/pages/${encodeURIComponent(slug)}`;
export const sharePath = (slug: string) => `/share/${encodeURIComponent(slug)}`;
