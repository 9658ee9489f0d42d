import { notFound } from "next/navigation";
import { ArticleNotFoundError, ForbiddenError } from "@/lib/errors";

/** The article id in the URL, or a 404 when it is not one. */
export function articleIdFrom(param: string): number {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}

/** Loads for the newsroom: a missing article is a 404; one the editor may not touch is a 403 message. */
export async function loadOr403<T>(load: () => Promise<T>): Promise<T | "forbidden"> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ArticleNotFoundError) notFound();
    if (error instanceof ForbiddenError) return "forbidden";
    throw error;
  }
}
