import { statSync } from "node:fs";
import { readEntry, type WxrAuthor, type WxrChannel } from "./entries";
import { planAttachment, type Attachment, type MappingContext } from "./mapping";
import { NotAWordPressExportError, wxrNamespaces, type WxrNamespaces } from "./namespaces";
import { readChannel, XmlFormatError } from "./xml-stream";

/*
 * The import's first pass: the whole file is read and checked before anything is written, and
 * what items refer to across the file (authors, categories, attachments) is gathered.
 */

export class WordPressExportError extends Error {
  constructor(
    readonly reason: string,
    readonly position: { line: number; column: number } | null = null,
  ) {
    super(position ? `line ${position.line}, column ${position.column}: ${reason}` : reason);
  }
}

export interface ExportScan {
  channel: WxrChannel;
  namespaces: WxrNamespaces;
  context: Omit<MappingContext, "timeZone">;
  /** Items by post type (`post`, `page`, `attachment`, `nav_menu_item`…). */
  itemsByType: Map<string, number>;
  bytes: number;
}

/** Reads the export through, handing each entry over; malformed XML and other files end in WordPressExportError. */
export async function readExport(
  file: string,
  visit: (entry: ReturnType<typeof readEntry>, namespaces: WxrNamespaces) => Promise<void>,
): Promise<WxrNamespaces> {
  let namespaces: WxrNamespaces | null = null;
  try {
    await readChannel(file, {
      onStart: (start) => {
        namespaces = wxrNamespaces(start);
      },
      onEntry: async (element) => {
        if (namespaces) await visit(readEntry(element, namespaces), namespaces);
      },
    });
  } catch (error) {
    if (error instanceof XmlFormatError) {
      throw new WordPressExportError(`malformed XML: ${error.reason}`, error);
    }
    if (error instanceof NotAWordPressExportError) {
      throw new WordPressExportError(`not a WordPress export: ${error.message}`);
    }
    throw error;
  }
  if (!namespaces) throw new WordPressExportError("not a WordPress export: the file holds no XML element");
  return namespaces;
}

export async function scanExport(file: string): Promise<ExportScan> {
  const fields = new Map<string, string>();
  const authors = new Map<string, WxrAuthor>();
  const categoryNames = new Map<string, string>();
  const categorySlugsById = new Map<string, string>();
  const attachments = new Map<string, Attachment>();
  const itemsByType = new Map<string, number>();
  const namespaces = await readExport(file, async (entry) => {
    switch (entry.kind) {
      case "channel-field":
        if (!fields.has(entry.name)) fields.set(entry.name, entry.value);
        break;
      case "author":
        if (entry.author.login) authors.set(entry.author.login, entry.author);
        break;
      case "term":
        if (entry.term.taxonomy === "category" && entry.term.slug) {
          categoryNames.set(entry.term.slug, entry.term.name);
          if (entry.term.termId) categorySlugsById.set(entry.term.termId, entry.term.slug);
        }
        break;
      case "item": {
        const type = entry.item.postType || "(none)";
        itemsByType.set(type, (itemsByType.get(type) ?? 0) + 1);
        const attachment = type === "attachment" ? planAttachment(entry.item) : null;
        if (attachment) attachments.set(attachment.postId, attachment);
        break;
      }
      case "other":
        break;
    }
    return Promise.resolve();
  });
  const siteUrl = fields.get("base_site_url") || fields.get("link") || "";
  if (!/^https?:\/\/[^/]/.test(siteUrl)) {
    throw new WordPressExportError("not a WordPress export: the channel names no site (wp:base_site_url or link)");
  }
  const wxrVersion = fields.get("wxr_version") ?? "";
  if (!/^1\.[0-2]$/.test(wxrVersion)) {
    throw new WordPressExportError(`not a WordPress export this importer reads: wp:wxr_version is «${wxrVersion}»`);
  }
  return {
    channel: { title: fields.get("title") ?? "", siteUrl, wxrVersion },
    namespaces,
    context: { siteUrl, authors, categoryNames, categorySlugsById, attachments },
    itemsByType,
    bytes: statSync(file).size,
  };
}
