// Words as search and enrichment see them: the same tokens and Porter stems as SQLite FTS5's
// "porter unicode61 remove_diacritics 2" tokenizer, so scores computed here agree with the index.
import { stemmer } from 'stemmer';

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Lower-cased word tokens without diacritics; apostrophes and hyphens split words, as in FTS5's unicode61. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const folded = /[\u0080-\uffff]/.test(lower) ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : lower;
  return folded.match(TOKEN) ?? [];
}

/** Words with their character offsets in `text`, for marking matches. */
export function wordSpans(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0].toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const stems = new Map<string, string>();

/** The Porter stem of a lower-cased word (memoized: vocabularies are small, texts are long). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = /^\p{N}+$/u.test(word) || word.length < 3 ? word : stemmer(word);
    if (stems.size < 500_000) stems.set(word, s);
  }
  return s;
}

/**
 * English function words and the spoken fillers of conversation. They carry no topic, so search and enrichment
 * ignore them. Includes the pieces contractions split into ("don", "t", "ll").
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being below between
  both but by can cannot could couldn did didn do does doesn doing don down during each either else even ever every few
  for from further get gets getting got had hadn has hasn have haven having he her here hers herself him himself his how
  however i if in into is isn it its itself just let like ll m may maybe me might more most much must mustn my myself
  neither no nor not now o of off oh ok okay on once one only or other others otherwise our ours ourselves out over own
  per quite rather re really s said same say says shall shan she should shouldn since so some such t than that the their
  theirs them themselves then there these they thing things this those though through thus to too uh um under until up
  upon us ve very was wasn we well were weren what whatever when where whether which while who whom whose why will with
  within without won would wouldn y yeah yes yet you your yours yourself yourselves gonna wanna kind sort lot lots`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** The stems of the content words of a text, in order. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) if (!STOPWORDS.has(w)) out.push(stem(w));
  return out;
}
