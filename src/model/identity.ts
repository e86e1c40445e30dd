// How podsift knows two sources are about the same episode, and what stable id that episode gets.
import type { EpisodeFragment, EpisodeMeta } from './episode.js';

/** Show names compared loosely: "The Lex Fridman Podcast" is "Lex Fridman Podcast" is "Lex Fridman". */
export function showKey(show: string): string {
  return show
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(the|podcast|show|pod|with)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * The keys that identify an episode: same show and number, same YouTube id, or same normalized title.
 * Two sources sharing any key belong to one episode.
 */
export function identityKeys(meta: EpisodeMeta): string[] {
  const keys: string[] = [];
  if (meta.show && meta.number !== undefined) {
    const show = showKey(meta.show);
    if (show) keys.push(`num:${show}#${meta.number}`);
  }
  if (meta.youtubeId) keys.push(`yt:${meta.youtubeId}`);
  const title = meta.title ? titleKey(meta.title) : null;
  if (title) keys.push(`title:${title}`);
  return keys;
}

/**
 * A title compared loosely: case, accents, punctuation and dashes vs colons do not matter. Titles of fewer than four
 * words ("Introduction", "Episode 5") are too generic to identify anything, so they give no key.
 */
export function titleKey(title: string): string | null {
  const words = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words.length >= 4 ? words.join(' ') : null;
}

export function slugify(text: string, max = 60): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

/**
 * The id an episode with these facts should have, readable and the same on every machine:
 * "lex-fridman-333" (show and number), "yt-U5OD8MjYnOM" (YouTube id), or a title slug. Null when the facts name
 * nothing; the caller then derives one from content.
 */
export function preferredEpisodeId(metas: EpisodeMeta[]): string | null {
  for (const meta of metas) {
    if (meta.show && meta.number !== undefined) {
      const show = slugify(meta.show.replace(/\b(the|podcast|show)\b/gi, ' '), 40) || slugify(meta.show, 40);
      if (show) return `${show}-${meta.number}`;
    }
  }
  for (const meta of metas) if (meta.youtubeId) return `yt-${meta.youtubeId}`;
  for (const meta of metas) {
    const slug = meta.title ? slugify(meta.title) : '';
    if (slug.length >= 3) return slug;
  }
  return null;
}

/**
 * Whether two sets of identity keys say the episodes differ: different YouTube ids, or the same show with different
 * numbers. Shared content never joins sources whose keys contradict (a rerun, a "best of" compilation).
 */
export function keysConflict(a: string[], b: string[]): boolean {
  const youtube = (keys: string[]) => keys.filter((k) => k.startsWith('yt:'));
  const ya = youtube(a);
  const yb = youtube(b);
  if (ya.length > 0 && yb.length > 0 && !ya.some((k) => yb.includes(k))) return true;
  const numbers = (keys: string[]) => new Map(keys.filter((k) => k.startsWith('num:')).map((k) => [k.slice(4, k.lastIndexOf('#')), k]));
  const na = numbers(a);
  for (const [show, key] of numbers(b)) {
    const other = na.get(show);
    if (other !== undefined && other !== key) return true;
  }
  return false;
}

/** Share of one text's sampled shingles found in another before two sources count as the same episode. */
export const SAME_CONTENT_CONTAINMENT = 0.3;
/** Fewer sampled shingles than this (in the smaller text) is too little to judge by content. */
export const MIN_FINGERPRINT = 12;

/** Words that alone say nothing about which conversation a shingle came from ("and I think that"). */
const FILLER = new Set(
  ("a an the and or but so if then than that this these those it its it's i i'm i've i'd you you're we we're they they're he she " +
    'is are was were be been being am do does did don\'t have has had of to in on at for with from by as about into like just ' +
    'what which who how when where why not no yes yeah oh uh um know think mean really very kind sort thing things there here ' +
    'my your our their me us them him her all some any can could would should will one') .split(' '),
);

const SHINGLE_WORDS = 4;
const SAMPLE_MODULUS = 20;

/**
 * A content fingerprint: hashes of the fragment's 4-word shingles, keeping the one in twenty whose hash is 0
 * modulo 20 (a deterministic sample, so two transcripts of the same speech keep the same shingles). Shingles made
 * only of filler words are left out: every conversation has them.
 * Two transcriptions of one episode by different speech-to-text engines share ~75% of these; different episodes
 * of one show share under 10% (measured on the Lexicap corpus and seed 003).
 */
export function contentFingerprint(fragment: EpisodeFragment): number[] {
  const pieces: string[] = [];
  for (const turn of fragment.transcript?.turns ?? []) pieces.push(turn.text);
  for (const h of fragment.highlights ?? []) pieces.push(h.text);
  const words = pieces.join(' ').toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  // Hash each word once; a shingle's hash mixes its four word hashes. Filler words hash to 0, so a shingle of
  // fillers only is recognisable by all-zero parts.
  const hashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) hashes[i] = FILLER.has(words[i]!) ? 0 : fnv1a(words[i]!) || 1;
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const a = hashes[i]!;
    const b = hashes[i + 1]!;
    const c = hashes[i + 2]!;
    const d = hashes[i + 3]!;
    if ((a | b | c | d) === 0) continue;
    const h = mix(mix(mix(mix(0x9e3779b9, a), b), c), d);
    if (h % SAMPLE_MODULUS === 0) seen.add(h);
  }
  return [...seen];
}

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
