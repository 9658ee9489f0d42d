import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const VNU_JAR = path.resolve("node_modules", "vnu-jar", "build", "dist", "vnu.jar");

// React renders a Server Action form with action="": valid for browsers, flagged by the checker.
// This exact message, and no other, is ignored.
const SERVER_ACTION_FORM = "Bad value “” for attribute “action” on element “form”: Must be non-empty.";

interface VnuMessage {
  type: string;
  url?: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/**
 * The Nu HTML Checker's errors for several pages, by page, in one run of the checker (starting
 * Java once per page is too slow). The pages are written to files: the checker refuses to fetch
 * from 127.0.0.1.
 */
export function htmlErrors(pages: Record<string, string>): Promise<Record<string, string[]>> {
  const directory = mkdtempSync(path.join(tmpdir(), "vnu-"));
  const files = Object.entries(pages).map(([page, html], index) => {
    const file = path.join(directory, `page-${index}.html`);
    writeFileSync(file, html);
    return { page, file };
  });
  return new Promise((resolve, reject) => {
    const checker = spawn("java", [
      "-jar",
      VNU_JAR,
      "--errors-only",
      "--format",
      "json",
      ...files.map(({ file }) => file),
    ]);
    let report = "";
    checker.stderr.on("data", (chunk) => (report += chunk));
    checker.on("error", reject);
    checker.on("close", () => {
      rmSync(directory, { recursive: true, force: true });
      try {
        const { messages } = JSON.parse(report) as { messages: VnuMessage[] };
        const errors = Object.fromEntries(files.map(({ page }) => [page, [] as string[]]));
        for (const message of messages) {
          if (message.type !== "error" || message.message === SERVER_ACTION_FORM) continue;
          const page = files.find(({ file }) => message.url?.endsWith(path.basename(file)))?.page ?? "unknown page";
          errors[page] = [
            ...(errors[page] ?? []),
            `line ${message.lastLine}: ${message.message} ${message.extract ?? ""}`.trim(),
          ];
        }
        resolve(errors);
      } catch (error) {
        reject(new Error(`unreadable checker report: ${report.slice(0, 500)} (${String(error)})`));
      }
    });
  });
}
