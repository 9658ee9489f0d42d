import type { ArticleBlock, ArticleBody } from "@/lib/articles/body/document";
import { parseArticleText } from "@/lib/import/parse-article-text";
import {
  AGENCY_BYLINES,
  CIRCUMSTANCES,
  CLAIMS,
  COMMENT_SENTENCES,
  CONNECTORS,
  FAMILY_NAMES,
  FIRST_NAMES,
  OFFICIAL_ROLES,
  ORGANISATIONS,
  PLACES,
  SAYING_VERBS,
  SECTIONS,
  SUBHEADINGS,
  TIMES,
  VERBS,
  type Actor,
} from "./arabic-vocabulary";
import type { Random } from "./random";

export interface GeneratedArticle {
  headline: string;
  dek: string | null;
  body: ArticleBody;
  sectionIndex: number;
  /** The article's tags, all of which its text mentions. */
  tagNames: string[];
}

const CLAUSE_BREAK = /[،.؛:“”"()…]+/;

/**
 * The seed article's body cut into clauses of 4 to 16 words: real newswire phrasing that the
 * generated articles quote as background sentences.
 */
export function mineSeedClauses(seedPageText: string): string[] {
  const clauses = parseArticleText(seedPageText)
    .paragraphs.flatMap((paragraph) => paragraph.split(CLAUSE_BREAK))
    .map((clause) => clause.trim())
    .filter((clause) => {
      const words = clause.split(/\s+/).length;
      return words >= 4 && words <= 16;
    });
  if (clauses.length < 10) throw new Error(`the seed article gave only ${clauses.length} usable clauses`);
  return clauses;
}

/** Every tag an article can carry: the sections' topics, the places and the organisations. */
export function allTagNames(): string[] {
  const names = [...SECTIONS.flatMap((section) => section.topics), ...PLACES, ...ORGANISATIONS];
  const unique = new Set(names);
  if (unique.size !== names.length) throw new Error("the vocabulary lists a tag twice");
  return names;
}

/** Writes news articles and readers' comments from the vocabulary, deterministically for a seed. */
export class ArabicNewsWriter {
  constructor(
    private readonly random: Random,
    private readonly seedClauses: readonly string[],
  ) {}

  article(sectionIndex: number): GeneratedArticle {
    const random = this.random;
    const section = SECTIONS[sectionIndex];
    const actor = random.pick(section.actors);
    const verb = random.pick(VERBS);
    const picked = random.pick(section.objects);
    const object = verb.preposition ? `${verb.preposition} ${picked}` : picked;
    const place = random.pick(PLACES);
    const topics = random.sample(section.topics, random.int(1, 2));
    const organisation = random.chance(0.2) ? random.pick(ORGANISATIONS) : null;
    const fill = (template: string) => template.replaceAll("{topic}", random.pick(topics)).replaceAll("{place}", place);

    const headline = `${actor.name} ${agree(verb.present, actor)} ${object}${random.chance(0.5) ? ` في ${place}` : ""}`;
    const dek = random.chance(0.6) ? `${fill(random.pick(CLAIMS))}، بحسب ${random.pick(OFFICIAL_ROLES)}.` : null;

    const lead = `${agree(verb.past, actor)} ${actor.name} ${random.pick(TIMES)} ${object} في ${place}، ${random.pick(CIRCUMSTANCES)}.`;
    const blocks: ArticleBlock[] = [{ type: "paragraph", text: lead }];
    const middleParagraphs = random.int(2, 5);
    for (let index = 0; index < middleParagraphs; index += 1) {
      if (index > 0 && random.chance(0.15)) {
        blocks.push({ type: "heading", level: 2, content: [{ type: "text", text: random.pick(SUBHEADINGS) }] });
      }
      const sentences = Array.from({ length: random.int(1, 3) }, () => this.bodySentence(fill));
      blocks.push({ type: "paragraph", text: sentences.join(" ") });
    }
    const closing = [`ويأتي ذلك في إطار اهتمام متزايد بملف ${topics[0]} في ${place}.`];
    if (organisation) closing.push(`وذكرت مصادر في ${organisation} أنّ ${fill(random.pick(CLAIMS))}.`);
    blocks.push({ type: "paragraph", text: closing.join(" ") });

    return {
      headline,
      dek,
      body: { version: 1, blocks },
      sectionIndex,
      tagNames: [...topics, place, ...(organisation ? [organisation] : [])],
    };
  }

  comment(topic: string): string {
    const sentences = this.random.sample(COMMENT_SENTENCES, this.random.int(1, 3));
    return sentences.map((sentence) => sentence.replaceAll("{topic}", topic)).join(" ");
  }

  personName(): string {
    return `${this.random.pick(FIRST_NAMES)} ${this.random.pick(FAMILY_NAMES)}`;
  }

  agencyByline(): string {
    return this.random.pick(AGENCY_BYLINES);
  }

  private bodySentence(fill: (template: string) => string): string {
    const random = this.random;
    switch (random.int(0, 2)) {
      case 0: {
        const saying = random.pick(SAYING_VERBS);
        return `${saying.verb} ${random.pick(OFFICIAL_ROLES)} ${this.personName()} ${saying.particle} ${fill(random.pick(CLAIMS))}.`;
      }
      case 1:
        return `${random.pick(CONNECTORS)} ${random.pick(this.seedClauses)}.`;
      default:
        return `ويرى مراقبون أنّ ${fill(random.pick(CLAIMS))}.`;
    }
  }
}

function agree(forms: readonly [string, string], actor: Actor): string {
  return actor.feminine ? forms[1] : forms[0];
}
