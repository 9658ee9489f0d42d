import { spawn } from "node:child_process";
import path from "node:path";

const VNU_JAR = path.resolve("node_modules", "vnu-jar", "build", "dist", "vnu.jar");

// React renders a Server Action form with action="": valid for browsers, flagged by the checker.
// This exact message, and no other, is ignored.
const SERVER_ACTION_FORM = "Bad value “” for attribute “action” on element “form”: Must be non-empty.";

interface VnuMessage {
  type: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/** The Nu HTML Checker's errors for a page (piped in: the checker refuses to fetch 127.0.0.1). */
export function htmlErrors(html: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const checker = spawn("java", ["-jar", VNU_JAR, "--errors-only", "--format", "json", "-"]);
    let report = "";
    checker.stderr.on("data", (chunk) => (report += chunk));
    checker.on("error", reject);
    checker.on("close", () => {
      try {
        const { messages } = JSON.parse(report) as { messages: VnuMessage[] };
        resolve(
          messages
            .filter((message) => message.type === "error" && message.message !== SERVER_ACTION_FORM)
            .map((message) => `line ${message.lastLine}: ${message.message} ${message.extract ?? ""}`.trim()),
        );
      } catch (error) {
        reject(new Error(`unreadable checker report: ${report.slice(0, 500)} (${String(error)})`));
      }
    });
    checker.stdin.end(html);
  });
}
