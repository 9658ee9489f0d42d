import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface MachineHeader {
  commit: string;
  node: string;
  cores: number;
  cpu: string;
  memoryGiB: number;
  date: string;
  note: string;
}

/** `note` says what shares the machine with the measured servers. */
export function machineHeader(note: string): MachineHeader {
  const git = (args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]) !== "";
  const cores = os.cpus().length;
  return {
    commit: `${git(["rev-parse", "--short", "HEAD"])}${dirty ? " (with uncommitted changes)" : ""}`,
    node: process.version,
    cores,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    date: new Date().toISOString(),
    note: `${note} share the same ${cores} cores, and so does anything else running on this machine`,
  };
}

export function printHeader(title: string, header: MachineHeader, settings: string[]): void {
  console.log(`\n${title}`);
  console.log(
    `commit ${header.commit} · Node ${header.node} · ${header.cores} cores (${header.cpu}) · ${header.memoryGiB} GiB · ${header.date}`,
  );
  console.log(`note: ${header.note}`);
  for (const line of settings) console.log(line);
}

export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join("node_modules", name, "package.json"), "utf8")) as { version: string })
    .version;
}
