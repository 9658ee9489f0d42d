import "server-only";
import { db } from "../db/client";
import { slugify } from "../slug";

export interface SectionLink {
  slug: string;
  name: string;
}

/** Sections for the site navigation, in a stable order. */
export function listSections(): Promise<SectionLink[]> {
  return db.section.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

export function getSectionBySlug(slug: string): Promise<SectionLink | null> {
  return db.section.findUnique({ where: { slug }, select: { slug: true, name: true } });
}

/** Sections for the newsroom's pickers and filters. */
export function listSectionOptions(): Promise<{ id: number; name: string }[]> {
  return db.section.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The section with this name, made (with its slug) when there is none yet: for the importers. */
export function sectionNamed(name: string): Promise<{ id: number; slug: string }> {
  return db.section.upsert({
    where: { name },
    create: { name, slug: slugify(name) },
    update: {},
    select: { id: true, slug: true },
  });
}
