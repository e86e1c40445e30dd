// Cheap signs of what kind of document a text is, for the readers' detect() and for detect.ts's message when no reader
// claims a file. Each looks at the start of the text only.

/** An object opening with a key (or closing at once), or a list opening with a JSON value; truncated files count. */
const JSON_START = /^\s*(?:\{\s*(?:"|\}|$)|\[\s*(?:[{["\]]|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*,|true\b|false\b|null\b|$))/;
const MARKUP_START = /^\s*<[a-zA-Z!?/]/;
/** A web page's signs: timestamp links ("[(00:00:33)](https://…&t=33)") or a web reader's clip header. */
const TIMESTAMP_LINK = /\[\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]\(/;
const CLIP_HEADER = /^Title:.*\n[\s\S]{0,4000}?\nMarkdown Content:/;

/** The text is (the start of) a JSON document, which no text reader should read as prose. */
export function looksLikeJson(text: string): boolean {
  if (JSON_START.test(text.slice(0, 256))) return true;
  // A bare JSON value ("a string", 42, true) is a JSON document too; a small text that may be one is simply tried.
  if (text.length > 65_536 || !/^\s*(?:"|-?\d|true\b|false\b|null\b)/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The text is an HTML or XML document (a tag, comment, doctype or declaration first). */
export function looksLikeMarkup(text: string): boolean {
  return MARKUP_START.test(text.slice(0, 256));
}

/** The text is a saved web page: timestamp links or a web reader's clip header (the transcript-page reader's own). */
export function hasPageSignature(prefix: string): boolean {
  return TIMESTAMP_LINK.test(prefix) || CLIP_HEADER.test(prefix);
}

/**
 * Signatures of formats with readers of their own: subtitle cue lines, Logseq properties, web pages, JSON, markup.
 * Text carrying them is not claimed with any confidence by the readers of plain prose.
 */
export function hasForeignSignature(prefix: string): boolean {
  if (/^\s*WEBVTT/.test(prefix) || looksLikeJson(prefix) || looksLikeMarkup(prefix)) return true;
  return /-->|^[a-z][\w-]*:: /m.test(prefix) || hasPageSignature(prefix);
}
