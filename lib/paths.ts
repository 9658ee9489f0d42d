/** Public URLs, built in one place so links, canonical URLs and revalidation agree. */
export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;
export const sectionPath = (slug: string) => `/sections/${encodeURIComponent(slug)}`;
export const tagPath = (slug: string) => `/tags/${encodeURIComponent(slug)}`;
