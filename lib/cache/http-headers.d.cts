type HeaderRule = {
  source: string;
  headers: { key: string; value: string }[];
  missing?: { type: "header"; key: string }[];
};

export function contentSecurityPolicy(options: { nonce?: string; development?: boolean; https?: boolean }): string;
export function headerRules(options: { https: boolean; development: boolean }): HeaderRule[];
export function renderedPerRequest(pathname: string): boolean;
