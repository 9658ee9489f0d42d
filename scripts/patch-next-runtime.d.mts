export declare const PATCHED_FILES: readonly string[];
export declare function measureOnlyFetchEntries(source: string, name: string): string | null;
