// People's names as transcripts write them: speaker labels, guests in titles, names in caption text.
import { plainText } from './text.js';

/** Lower-case words inside names ("Ludwig van Beethoven", "Duke of York", "Ann & Bo"). */
export const NAME_PARTICLES = new Set([
  'de', 'da', 'van', 'von', 'der', 'del', 'la', 'le', 'bin', 'al', 'el', 'di', 'du', 'dos', 'ten', 'ter', 'y', 'of', 'the', '&',
]);

const CAPITALISED = /^[\p{Lu}\p{Lt}\d]/u;

/**
 * Whether a text reads like a name of `min` to `max` words: each word matching `word` (by default capitalised, or a
 * number as in "Speaker 2"), with particles allowed between them but not first or last.
 */
export function looksLikeNameWords(text: string, min: number, max: number, word = CAPITALISED): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < min || words.length > max) return false;
  return words.every((w, i) => word.test(w) || (i > 0 && i < words.length - 1 && NAME_PARTICLES.has(w.toLowerCase())));
}

/**
 * Captions often write names in capitals ("MAYA OKAFOR:"); a name is shown the way people write it ("Maya Okafor",
 * "Dr. O'Neil", "Mary-Jane"). Names with any lower-case letter are left as written ("McDonald", "DeShawn").
 */
export function titleCaseCaps(name: string): string {
  if (/\p{Ll}/u.test(name) || !/\p{Lu}/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** A speaker label from a file, cleaned; null when empty or too long to be a name (a runaway unclosed `<cite>`). */
export function cleanSpeaker(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const clean = plainText(raw);
  if (clean.length > 100) return null;
  const name = clean.replace(/[\s:：]+$/u, '').trim();
  return name.length > 0 && name.length <= 80 ? name : null;
}
