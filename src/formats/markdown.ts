// Markdown inline syntax to plain words, for readers of Markdown pages and exports (transcript pages, Snipd).
import { plainText } from './text.js';

/** Escaped characters are parked in the private use area while the Markdown syntax around them is undone. */
const PARKED = 0xe000;

/** Markdown inline syntax to plain words: links keep their text, images go, escapes and emphasis are undone. */
export function unmarkdown(text: string): string {
  return text
    .replace(/[\ue000-\ue07f]/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~"'])/g, (_, ch: string) => String.fromCharCode(PARKED + ch.charCodeAt(0)))
    .replace(/!\[[^[\]]{0,500}\]\([^()\s]{0,2000}\)/g, '')
    .replace(/\[([^[\]]{0,500})\]\([^()\s]{0,2000}\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]{1,200}?)(?<=\S)[*_](?=$|[\s.,;:!?)])/g, '$1$2')
    .replace(/[\ue000-\ue07f]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - PARKED));
}

/** A line of Markdown (which may carry HTML too) as one line of plain text. */
export function markdownText(text: string): string {
  return plainText(unmarkdown(text));
}
