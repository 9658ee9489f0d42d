import type { UserRole } from "../generated/prisma/enums";

/** Who is acting: the signed-in editor, as every admin action and data function receives it. */
export interface Editor {
  id: string;
  name: string;
  email: string;
  role: UserRole;
}

interface ArticleOwnership {
  authorId: string | null;
  status: string;
  deletedAt?: Date | null;
}

/*
 * The newsroom's rules, one small function each. Admins do everything; editors run the
 * newsroom (all articles, sections, comments); authors write and edit their own drafts only.
 */
export const canManageUsers = (editor: Editor) => editor.role === "ADMIN";
export const canManageSettings = (editor: Editor) => editor.role === "ADMIN";
export const canPublish = (editor: Editor) => editor.role === "ADMIN" || editor.role === "EDITOR";
export const canModerateComments = (editor: Editor) => editor.role === "ADMIN" || editor.role === "EDITOR";
export const canSeeAllArticles = (editor: Editor) => canPublish(editor);

export function canEditArticle(editor: Editor, article: ArticleOwnership): boolean {
  if (canPublish(editor)) return true;
  return article.authorId === editor.id && article.status === "DRAFT" && !article.deletedAt;
}

/** Anyone in the newsroom may upload (authors illustrate their drafts); only editors delete. */
export const canUploadMedia = (editor: Editor) => Boolean(editor.role);
export const canDeleteMedia = (editor: Editor) => canPublish(editor);
