import { createReadStream } from "node:fs";
import { SaxesParser, type SaxesTagNS } from "saxes";

/*
 * A WordPress export read one channel entry at a time: the channel's children (authors, terms,
 * items…) are each built as a small element tree and handed over before the next is read, so memory
 * follows the largest item, never the file. saxes expands no entity a document declares and fetches
 * nothing, so a hostile file can neither blow up in memory nor reach the network or the disk.
 */

export interface XmlElement {
  /** The namespace URI the document bound the element's prefix to ("" for none). */
  uri: string;
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Its own text, CDATA sections included, joined (a `]]>` split over two sections rejoins). */
  text: string;
  line: number;
}

export interface XmlDocumentStart {
  /** The root element's name, and the namespaces declared on it by prefix. */
  root: string;
  namespaces: Record<string, string>;
}

export class XmlFormatError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}

// One element's own text past this is not an export a newsroom wrote: refuse it rather than hold it.
const MAX_TEXT_LENGTH = 16 * 1024 * 1024;

export interface ChannelReader {
  /** The root element, before anything else; throw to refuse the document. */
  onStart(start: XmlDocumentStart): void;
  /** Each child of `<channel>`, in document order; awaited before the file is read further. */
  onEntry(entry: XmlElement): Promise<void>;
}

/** Reads the file through, or throws XmlFormatError at the first point where it is not well-formed XML. */
export async function readChannel(file: string, reader: ChannelReader): Promise<void> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  const ready: XmlElement[] = [];
  let depth = 0;
  // Set from the parser's callbacks; the first failure is the one reported.
  const state: { failure: XmlFormatError | null } = { failure: null };
  const fail = (reason: string) => {
    state.failure ??= new XmlFormatError(reason, parser.line, parser.column);
  };

  // saxes prefixes its message with the position ("20:7: unexpected close tag."), which `fail` keeps apart.
  parser.on("error", (error) => fail(error.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, "").replace(/\.$/, "")));
  parser.on("opentag", (tag: SaxesTagNS) => {
    depth += 1;
    if (depth === 1) {
      try {
        reader.onStart({ root: tag.name, namespaces: { ...tag.ns } });
      } catch (error) {
        fail((error as Error).message);
      }
      return;
    }
    // Inside <rss><channel>: depth 2 is the channel, 3 its entries.
    if (depth < 3) return;
    const element: XmlElement = {
      uri: tag.uri,
      local: tag.local,
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((attribute) => [attribute.local, attribute.value]),
      ),
      children: [],
      text: "",
      line: parser.line,
    };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  const addText = (text: string) => {
    const element = stack.at(-1);
    if (!element) return;
    if (element.text.length + text.length > MAX_TEXT_LENGTH) fail(`<${element.local}> holds more than 16 MB of text`);
    else element.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    depth -= 1;
    if (depth < 2) return;
    const element = stack.pop();
    if (element && stack.length === 0) ready.push(element);
  });

  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 64 * 1024 })) {
    parser.write(chunk as string);
    if (state.failure) throw state.failure;
    for (const entry of ready.splice(0)) await reader.onEntry(entry);
  }
  parser.close();
  if (state.failure) throw state.failure;
  for (const entry of ready.splice(0)) await reader.onEntry(entry);
}

/** The first child with this name in this namespace. */
export function child(element: XmlElement, uri: string, local: string): XmlElement | undefined {
  return element.children.find((candidate) => candidate.local === local && candidate.uri === uri);
}

export function childText(element: XmlElement, uri: string, local: string): string {
  return child(element, uri, local)?.text ?? "";
}

export function childrenNamed(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((candidate) => candidate.local === local && candidate.uri === uri);
}
