// Excerpts that show why a passage matched. Pure.
import { stem, wordSpans } from '../text/words.js';

const WINDOW_WORDS = 32;

/**
 * The stretch of `text` (about 32 words) holding the most query words, with each matched word wrapped in **.
 * `wanted` holds stems of the words to mark; `prefixes` marks words starting with any of them.
 */
export function makeSnippet(text: string, wanted: ReadonlySet<string>, prefixes: readonly string[] = []): string {
  const spans = wordSpans(text);
  if (spans.length === 0) return escapeStars(text.slice(0, 200));
  const hit = spans.map((s) => wanted.has(stem(s.word)) || wanted.has(s.word) || prefixes.some((p) => s.word.startsWith(p)));
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < spans.length; i++) {
    if (hit[i]) count++;
    if (i >= WINDOW_WORDS && hit[i - WINDOW_WORDS]) count--;
    if (count > bestCount) [bestCount, best] = [count, Math.max(0, i - WINDOW_WORDS + 1)];
  }
  // Start a little before the first match in the window, so the match is not the first word shown.
  const firstHit = hit.indexOf(true, best);
  const from = firstHit >= 0 && firstHit - best < 4 ? Math.max(0, firstHit - 4) : best;
  const to = Math.min(spans.length, from + WINDOW_WORDS);
  let out = from > 0 ? '…' : '';
  let cursor = spans[from]!.start;
  for (let i = from; i < to; i++) {
    const s = spans[i]!;
    out += escapeStars(text.slice(cursor, s.start));
    const word = escapeStars(text.slice(s.start, s.end));
    out += hit[i] ? `**${word}**` : word;
    cursor = s.end;
  }
  const tail = to < spans.length ? text.slice(cursor, spans[to]!.start).replace(/\s+$/, '') : text.slice(cursor);
  out += escapeStars(tail);
  if (to < spans.length) out += '…';
  return out.replace(/\s+/g, ' ').trim();
}

function escapeStars(text: string): string {
  return text.replace(/\*/g, '\\*');
}
