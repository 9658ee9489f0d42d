// `prisma db seed`: the portal's first article, imported from the page text in prisma/seed/.
import path from "node:path";
import { importArticleFile } from "../lib/import/import-article";

const SEED_FILE = path.join("prisma", "seed", "almnatiq-1101899.txt");

async function main() {
  // The page text has no publication date; the seed dates the article at its first import
  // (re-seeding keeps that date) rather than inventing the original one.
  const saved = await importArticleFile(SEED_FILE);
  const date = saved.publishedAt?.toISOString() ?? "none";
  console.log(`seed: ${saved.outcome} /articles/${saved.slug} (publishedAt ${date}, the time of its first import)`);
}

main().catch((error) => {
  console.error("seed failed:", error);
  process.exit(1);
});
