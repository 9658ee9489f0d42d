import type { UserRole } from "../generated/prisma/enums";

/** Who is acting: the signed-in newsroom user (any role: ADMIN, EDITOR or AUTHOR), as every admin action and data function receives it. */
export interface NewsroomUser {
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
export const canManageUsers = (user: NewsroomUser) => user.role === "ADMIN";
export const canManageSettings = (user: NewsroomUser) => user.role === "ADMIN";
export const canPublish = (user: NewsroomUser) => user.role === "ADMIN" || user.role === "EDITOR";
export const canModerateComments = (user: NewsroomUser) => user.role === "ADMIN" || user.role === "EDITOR";
export const canSeeAllArticles = (user: NewsroomUser) => canPublish(user);
export const canEditSitePages = (user: NewsroomUser) => user.role === "ADMIN" || user.role === "EDITOR";

export function canEditArticle(user: NewsroomUser, article: ArticleOwnership): boolean {
  if (canPublish(user)) return true;
  return article.authorId === user.id && article.status === "DRAFT" && !article.deletedAt;
}

/** Anyone in the newsroom may upload (authors illustrate their drafts); only editors delete. */
export const canUploadMedia = (user: NewsroomUser) => Boolean(user.role);
export const canDeleteMedia = (user: NewsroomUser) => canPublish(user);
