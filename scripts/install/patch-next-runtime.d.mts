export interface RuntimeChange {
  name: string;
  files: readonly string[];
  made: RegExp;
  rewrites: readonly {
    find: RegExp;
    replace: string | ((match: string, ...groups: string[]) => string);
    times: number;
  }[];
}
export declare const CHANGES: readonly RuntimeChange[];
export declare function applyChange(change: RuntimeChange, source: string, fileName: string): string | null;
