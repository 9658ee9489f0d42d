import { cookies } from "next/headers";
import { z } from "zod";
import { listOwnPendingComments } from "@/lib/comments/listing";
import { readPendingCommentIds } from "@/lib/comments/pending-cookie";

const query = z.object({ article: z.coerce.number().int().positive() });

/**
 * The asking reader's own comments still awaiting moderation on one article (their ids are in the
 * reader's signed cookie): the cached article page is the same for everyone, so the comment form
 * asks for these separately. Private to the reader, never stored by a cache.
 */
export async function GET(request: Request) {
  const parsed = query.safeParse({ article: new URL(request.url).searchParams.get("article") });
  if (!parsed.success) {
    return Response.json(
      { error: "رقم المقال غير صالح." },
      { status: 400, headers: { "cache-control": "private, no-store" } },
    );
  }
  const comments = await listOwnPendingComments(parsed.data.article, readPendingCommentIds(await cookies()));
  return Response.json({ comments }, { headers: { "cache-control": "private, no-store" } });
}
