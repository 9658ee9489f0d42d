/** Which page of results a search statement asks for (lib/search/sqlite.ts and postgresql.ts). */
export interface SearchWindow {
  limit: number;
  offset: number;
  now: Date;
}
