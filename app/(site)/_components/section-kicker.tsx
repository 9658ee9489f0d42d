import Link from "next/link";
import type { SectionLink } from "@/lib/taxonomy/sections";
import { sectionPath } from "@/lib/paths";

export function SectionKicker({ section }: { section: SectionLink | null }) {
  if (!section) return null;
  return (
    <Link className="kicker" href={sectionPath(section.slug)}>
      {section.name}
    </Link>
  );
}
