/*
 * The servers the tools start (next start, nginx) run until they are stopped; when the tool itself
 * ends, by an error, Ctrl-C or a time limit, none may outlive it and hold its port.
 */
import type { ChildProcess } from "node:child_process";

/** Each child, and whether it leads a process group of its own (nginx's workers are in it). */
const running = new Map<ChildProcess, { group: boolean }>();

process.on("exit", () => {
  for (const [child, { group }] of running) {
    if (child.pid === undefined) continue;
    try {
      process.kill(group ? -child.pid : child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});
// Interrupted: exit normally, so the handler above stops the children.
process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));

/** SIGKILLs `child` (its process group when `group`) if this process ends first. */
export function stopWithThisProcess(child: ChildProcess, { group }: { group: boolean }): void {
  running.set(child, { group });
  child.once("exit", () => running.delete(child));
}
