// Imports article pages in the seed's text format: `npm run import -- [--published-at ISO] file.txt …`
import { parseArgs } from "node:util";
import { ArticleFormatError } from "../../lib/import/parse-article-text";
import { importArticleFile } from "../../lib/import/import-article";
import { purgePortalCache } from "../shared/portal-cache";

const USAGE = "usage: npm run import -- [--published-at 2022-01-12T08:00:00+03:00] <file.txt> [more files…]";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { "published-at": { type: "string" } },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const publishedAtText = values["published-at"];
  const publishedAt = publishedAtText ? new Date(publishedAtText) : undefined;
  if (publishedAt && Number.isNaN(publishedAt.getTime())) {
    console.error(`--published-at: "${publishedAtText}" is not an ISO 8601 date and time\n${USAGE}`);
    return 2;
  }

  let failures = 0;
  for (const file of positionals) {
    try {
      const saved = await importArticleFile(file, { publishedAt });
      const dated = saved.outcome === "created" && !publishedAt ? " (no date in the file: dated now)" : "";
      console.log(`${saved.outcome}: ${file} → /articles/${saved.slug}${dated}`);
    } catch (error) {
      failures += 1;
      const reason = error instanceof ArticleFormatError ? `not an article page: ${error.message}` : String(error);
      console.error(`import failed, nothing written: ${file}: ${reason}`);
    }
  }
  if (failures < positionals.length) console.log(await purgePortalCache());
  return failures ? 1 : 0;
}

void main().then((code) => process.exit(code));
