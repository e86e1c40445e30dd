// Typing slips for measuring search robustness (bench:search-typos and the acceptance suite). Deterministic: each
// slip is made in the middle of the query's longest word.

export const TYPOS: Record<string, (word: string) => string> = {
  none: (w) => w,
  'letter dropped': (w) => w.slice(0, mid(w)) + w.slice(mid(w) + 1),
  'letters swapped': (w) => w.slice(0, mid(w)) + w[mid(w) + 1] + w[mid(w)] + w.slice(mid(w) + 2),
  'vowel changed': (w) => {
    const at = [...w].findIndex((c, i) => i >= mid(w) - 1 && /[aeiou]/.test(c));
    return at < 0 ? w : w.slice(0, at) + (w[at] === 'e' ? 'a' : 'e') + w.slice(at + 1);
  },
};

function mid(word: string): number {
  return Math.floor((word.length - 1) / 2);
}

/** The query with `typo` applied to its longest word (the first, on a tie; words under 4 letters are left alone). */
export function withTypo(query: string, typo: (word: string) => string): string {
  const words = query.split(' ');
  const longest = words.reduce((best, w, i) => (w.length > words[best]!.length ? i : best), 0);
  if (words[longest]!.length >= 4) words[longest] = typo(words[longest]!);
  return words.join(' ');
}
