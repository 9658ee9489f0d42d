// Run as a separate process by the comments tests: posts comments to one article as fast as it can
// until the article refuses them, then prints what happened as JSON. A second process means a
// second SQLite connection, as a second app instance or the CLI would have.
import { postComment } from "../../lib/comments/posting";
import { CommentsClosedError } from "../../lib/errors";

const articleId = Number(process.argv[2]);
const deadline = Date.now() + 15_000;
const result = { posted: 0, refusedAfterClose: 0, errors: [] as string[] };

async function main() {
  while (Date.now() < deadline) {
    try {
      await postComment(
        { articleId, authorName: "قارئ متزامن", body: `تعليق رقم ${result.posted + 1}` },
        // No fingerprint: the flood limits are not what this race is about.
        { fingerprint: null },
      );
      result.posted += 1;
    } catch (error) {
      if (error instanceof CommentsClosedError) {
        result.refusedAfterClose += 1;
        break;
      }
      result.errors.push(String(error));
      if (result.errors.length > 5) break;
    }
  }
  process.stdout.write(JSON.stringify(result));
}

void main();
