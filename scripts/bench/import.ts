// `npm run bench:import [-- --posts=10000 --comments=50000 --database=sqlite|postgresql|both --no-scale-check]`:
// generates a WordPress export of an Arabic news site (a third of the comments replies, 50 authors,
// 30 categories, 500 tags) and imports it with `npm run import:wordpress` on each database, in a
// process of its own (the npm script's command line, memory flags included) whose peak memory is sampled; then a file ten times the size on SQLite, whose
// import must need no more memory. Prints the figures; the targets are ≥300 posts a second
// (comments included) and a peak under 300 MB.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { positiveInteger } from "./support/args";
import {
  createBenchDatabase,
  createFreshDatabase,
  databaseLabel,
  databaseTarget,
  DEFAULT_DATABASE_PREFIX,
  describeTarget,
  type DatabaseTarget,
} from "./support/bench-database";
import { machineHeader, printHeader } from "./support/machine";
import { PeakRssSampler } from "./support/processes";
import { writeWxrExport, type WxrExportSize } from "./support/wxr-export";

const TARGET_POSTS_PER_SECOND = 300;
const TARGET_PEAK_MIB = 300;

interface ImportFigures {
  label: string;
  posts: number;
  comments: number;
  seconds: number;
  peakMiB: number;
}

async function importOnce(
  file: string,
  target: DatabaseTarget,
  scratch: string,
  purpose: string,
): Promise<Omit<ImportFigures, "label" | "posts" | "comments">> {
  const database = await createBenchDatabase(target, scratch, purpose);
  try {
    createFreshDatabase(database.url);
    const started = Date.now();
    const [command, ...args] = importCommand();
    const child = spawn(command, [...args, file, "--report", path.join(scratch, `${purpose}-report.json`)], {
      env: { ...process.env, DATABASE_URL: database.url, MEDIA_DIR: path.join(scratch, "media") },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const rss = new PeakRssSampler(child.pid as number, 100);
    rss.start();
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    const peakMiB = rss.stop();
    if (code !== 0) throw new Error(`the import of ${file} exited with ${code}`);
    return { seconds: (Date.now() - started) / 1000, peakMiB };
  } finally {
    await database.drop();
  }
}

/**
 * `npm run import:wordpress` as package.json has it (its memory flags included), run without npm so
 * that the process measured is the import's alone.
 */
function importCommand(): string[] {
  const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = scripts["import:wordpress"].split(/\s+/);
  return [command === "node" ? process.execPath : command, ...args];
}

function row(figures: ImportFigures): string {
  const perSecond = figures.posts / figures.seconds;
  return [
    figures.label.padEnd(34),
    `${figures.posts.toLocaleString("en")} posts, ${figures.comments.toLocaleString("en")} comments in ${figures.seconds.toFixed(1)} s`.padEnd(
      48,
    ),
    `${perSecond.toFixed(0)} posts/s ${perSecond >= TARGET_POSTS_PER_SECOND ? "✓" : "✗"} ≥${TARGET_POSTS_PER_SECOND}`.padEnd(
      22,
    ),
    `peak ${figures.peakMiB.toFixed(0)} MiB ${figures.peakMiB < TARGET_PEAK_MIB ? "✓" : "✗"} <${TARGET_PEAK_MIB}`,
  ].join("  ");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      posts: { type: "string" },
      comments: { type: "string" },
      database: { type: "string", default: "both" },
      "no-scale-check": { type: "boolean", default: false },
    },
  });
  const size: WxrExportSize = {
    posts: positiveInteger("posts", values.posts ?? "10000"),
    comments: positiveInteger("comments", values.comments ?? "50000"),
    authors: 50,
    categories: 30,
    tags: 500,
  };
  const providers = values.database === "both" ? ["sqlite", "postgresql"] : [values.database];
  const targets = providers.map((provider) => databaseTarget(provider, DEFAULT_DATABASE_PREFIX));
  const scratch = mkdtempSync(path.join(os.tmpdir(), "portal-bench-import-"));
  try {
    printHeader(
      "WordPress import",
      machineHeader("the import process (node, the app's Prisma client) and the database server"),
      [
        `${size.posts} posts, ${size.comments} comments, ${size.authors} authors, ${size.categories} categories, ${size.tags} tags`,
      ],
    );
    const file = path.join(scratch, "export.xml");
    const { replies } = await writeWxrExport(file, size);
    console.log(
      `export: ${(statSync(file).size / 1_048_576).toFixed(1)} MB, ${size.posts} posts, ${size.comments} comments (${replies} replies)`,
    );
    const results: ImportFigures[] = [];
    for (const target of targets) {
      const label = databaseLabel(await describeTarget(target));
      console.log(`importing on ${label}…`);
      results.push({
        label,
        posts: size.posts,
        comments: size.comments,
        ...(await importOnce(file, target, scratch, `import_${target.provider}`)),
      });
    }
    if (!values["no-scale-check"]) {
      const large = path.join(scratch, "export-10x.xml");
      const scaled = { ...size, posts: size.posts * 10, comments: size.comments * 10 };
      await writeWxrExport(large, scaled);
      console.log(`10× export: ${(statSync(large).size / 1_048_576).toFixed(1)} MB; importing on SQLite…`);
      const sqlite = databaseTarget("sqlite", DEFAULT_DATABASE_PREFIX);
      results.push({
        label: "SQLite, 10× the file",
        posts: scaled.posts,
        comments: scaled.comments,
        ...(await importOnce(large, sqlite, scratch, "import_10x")),
      });
    }
    console.log("");
    for (const figures of results) console.log(row(figures));
    const base = results.find((figures) => figures.label.startsWith("SQLite"));
    const large = results.find((figures) => figures.label === "SQLite, 10× the file");
    if (base && large) {
      const ratio = large.peakMiB / base.peakMiB;
      console.log(
        `peak memory, 10× the file over 1×: ${ratio.toFixed(2)} ${ratio <= 1.1 ? "✓" : "✗"} ≤1.1 (memory does not grow with the file)`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
