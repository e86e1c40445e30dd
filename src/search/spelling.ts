// Spelling variants: speech-to-text writes names as it hears them ("Saramba" for Zaremba, "Kapathy" for Karpathy)
// and people mistype queries. Words are matched by a sound-alike key plus a small edit distance. Pure.

/**
 * A sound-alike key: consonant skeleton with letters that sound alike merged (z/s, c/k/q, ph/f, v/w…), vowels
 * dropped after the first letter and doubled letters collapsed. "saramba" and "zaremba" both give "srmb".
 */
const keyCache = new Map<string, string>();

export function soundKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    key = computeSoundKey(word);
    if (keyCache.size < 200_000) keyCache.set(word, key);
  }
  return key;
}

function computeSoundKey(word: string): string {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return '';
  w = w
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/th/g, 't')
    .replace(/sch|sh|ch/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/v/g, 'w')
    .replace(/d/g, 't')
    .replace(/g/g, 'k')
    .replace(/b/g, 'p');
  const first = w[0]!;
  const rest = w.slice(1).replace(/[aeiouyhw]/g, '');
  return ((/[aeiouy]/.test(first) ? 'a' : first) + rest).replace(/(.)\1+/g, '$1');
}

/** The key and every key with one letter removed: two words match when their sets share a member. */
export function soundKeys(word: string): string[] {
  const key = soundKey(word);
  if (key.length < 3) return key ? [key] : [];
  const keys = new Set([key]);
  for (let i = 1; i < key.length; i++) keys.add(key.slice(0, i) + key.slice(i + 1));
  return [...keys];
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

/**
 * How alike two words are as spellings of one name, 0 to 1; 0 when they are not plausibly the same word.
 * Words that sound alike may differ by one edit (two from 6 letters: "saramba"/"zaremba"); words that do not sound
 * alike only by one edit and only when long ("kapathy"/"karpathy"): short ones would turn "reply" into "replica",
 * "trick" into "track".
 */
export function spellingSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4 || Math.abs(a.length - b.length) > 2) return 0;
  const sameSound = soundKey(a) === soundKey(b);
  if (!sameSound && shorter < 7) return 0;
  const allowed = sameSound && shorter >= 6 ? 2 : 1;
  const d = editDistance(a, b, allowed);
  if (d > allowed) return 0;
  return Math.max(0, 1 - d / Math.max(a.length, b.length)) * (sameSound ? 1 : 0.9);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every string one typing slip away from `word`: a letter dropped, two neighbours swapped, one changed, one added
 * (Norvig's spelling corrector). For a 10-letter word about 550 strings.
 */
export function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return out;
}
