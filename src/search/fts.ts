// Turning a parsed query into an FTS5 MATCH expression. Pure. Every word is quoted, so no user text is ever read
// as FTS5 syntax.
import { isStopword } from '../text/words.js';
import type { ParsedQuery } from './query.js';

/** The words a query is about: its content words, or all its words when it has only stopwords ("to be or not"). */
export function queryWords(query: ParsedQuery): string[] {
  const content = query.terms.filter((t) => !isStopword(t));
  return [...new Set(content.length > 0 ? content : query.terms)];
}

export interface CandidateLimits {
  /** Words in more than this share of passages are left out (they cost FTS5 the most and decide the least). */
  maxShare: number;
  /** The candidate query stops adding words once their postings pass this share of the passages… */
  postingShare: number;
  /** …or this many postings, whichever is more: a small library is never pruned. */
  minPostings: number;
  /** The rarest words kept whatever their postings. */
  minWords: number;
}

/**
 * Measured on the dev queries over the corpus (55 k passages): FTS5's bm25() costs about 1 µs per matching passage
 * and was half of a query's time. Keeping the rarest words up to postings of a tenth of the passages gives the same
 * results as all of them (a twentieth loses two queries) at p95 19 instead of 25 ms.
 */
export const CANDIDATE_LIMITS: CandidateLimits = { maxShare: 0.05, postingShare: 0.1, minPostings: 5000, minWords: 3 };

/**
 * The words the candidate query searches for: the rarer ones, rarest first, until their postings reach the budget
 * (every query word still counts when the candidates are ranked). All of them when none is rare.
 */
export function candidateWords(words: readonly string[], df: (word: string) => number, passages: number, limits: CandidateLimits = CANDIDATE_LIMITS): string[] {
  // Each frequency looked up once: the sort would otherwise ask for it at every comparison.
  const rare = words
    .map((word) => ({ word, df: df(word) }))
    .filter((w) => w.df < limits.maxShare * passages)
    .sort((a, b) => a.df - b.df);
  if (rare.length === 0) return [...words];
  const budget = Math.max(limits.postingShare * passages, limits.minPostings);
  const kept: string[] = [];
  let postings = 0;
  for (const w of rare) {
    if (kept.length >= limits.minWords && postings + w.df > budget) break;
    kept.push(w.word);
    postings += w.df;
  }
  return kept;
}

export function ftsMatch(query: ParsedQuery, extraWords: readonly string[] = []): string | null {
  const parts: string[] = [];
  for (const word of new Set([...queryWords(query), ...extraWords])) parts.push(`"${word}"`);
  for (const phrase of query.phrases) parts.push(`"${phrase.join(' ')}"`);
  for (const prefix of query.prefixes) parts.push(`"${prefix}" *`);
  if (parts.length === 0) return null;
  let match = parts.join(' OR ');
  if (query.excluded.length > 0) match = `(${match}) NOT (${query.excluded.map((w) => `"${w}"`).join(' OR ')})`;
  return match;
}
