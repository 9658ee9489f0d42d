import { Fragment } from "react";
import { highlightSegments } from "@/lib/search/query";

/** `text` with every occurrence of the search terms in `<mark>`, compared the way search compares (normalized Arabic). */
export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightSegments(text, terms).map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
      )}
    </>
  );
}
