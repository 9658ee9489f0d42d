import type { Metadata } from "next";
import { canPublish } from "@/lib/auth/access";
import { requireNewsroomUser } from "@/lib/auth/session";
import { listMedia } from "@/lib/media/library";
import { listSectionOptions } from "@/lib/taxonomy/sections";
import { getSettings } from "@/lib/settings";
import { saveArticleAction } from "../actions";
import { ArticleForm } from "../article-form";

export const metadata: Metadata = { title: "مقال جديد" };

export default async function NewArticlePage() {
  const editor = await requireNewsroomUser();
  const [sections, settings, { items: media }] = await Promise.all([
    listSectionOptions(),
    getSettings(),
    listMedia(editor),
  ]);
  return (
    <>
      <h1>مقال جديد</h1>
      <ArticleForm
        action={saveArticleAction.bind(null, null)}
        sections={sections}
        media={media}
        canPublish={canPublish(editor)}
        initial={{
          status: "DRAFT",
          commentsOpen: "on",
          leadImageCaptionLang: "ar",
          commentsCloseAfterDays: settings.commentsCloseAfterDays?.toString() ?? "",
        }}
      />
    </>
  );
}
