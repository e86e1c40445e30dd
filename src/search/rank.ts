// Ranking passages for a query. Pure: the store fetches candidates and statistics, this decides their order.
//
// Measured on the dev queries (README "Search"), each part earns its place:
// - BM25 over every content word of the query, on the passage's stems (the candidate stage uses only the rarer
//   words, for speed);
// - an episode prior: a query word that is a guest's name picks that guest's episodes (few episodes share a
//   guest name), and once it has, the name no longer counts inside them (otherwise the intro, which names the guest,
//   wins every query about that episode);
// - context: words of the episode title and chapter title that the query shares;
// - phrases typed in quotes, found verbatim;
// - neighbours: a moment often straddles two passages, so a passage borrows a share of its neighbours' evidence;
// - episode evidence, for long (verbose) queries only: an episode where many passages match the description is
//   likelier to hold the moment than one where a single passage happens to share a few words (passage retrieval
//   with document evidence, Callan 1994). Keyword queries lose by it (their words are precise), so it is gated on
//   query length.
import { stem } from '../text/words.js';

export interface QueryTerm {
  stem: string;
  /** Inverse document frequency in the passage index. */
  idf: number;
  /** 1 for words the user typed; less for spelling variants and associated words. */
  weight: number;
}

export interface RankQuery {
  terms: QueryTerm[];
  /** Quoted phrases, as lower-cased words. */
  phrases: string[][];
  /**
   * A rare query word also found written as two words ("audiobook" as "audio book"): two adjacent stems of the
   * passage count as one occurrence of `term`.
   */
  compounds: { parts: [string, string]; term: QueryTerm }[];
  /** Prefixes typed with `*`: any stem starting with one counts as a match. */
  prefixes: string[];
  /**
   * Capitalized words whose stem is common ("Believer", a song, stems to "believ"): found as typed, they count like
   * a rare word, since a capital in a query usually means a title or a name.
   */
  exactWords: { word: string; idf: number }[];
  /** Episode id → how strongly the query names the episode's guest. */
  prior: ReadonlyMap<string, number>;
  /** Episode id → the stems that named its guest: not scored again inside that episode. */
  nameStems: ReadonlyMap<string, ReadonlySet<string>>;
  /** Average passage length in content stems. */
  avgLength: number;
  /** Distinct content words the user typed: from VERBOSE_QUERY_WORDS on, episode evidence counts. */
  contentWords: number;
}

export interface RankCandidate {
  id: number;
  episodeId: string;
  stems: readonly string[];
  /** Stems of the episode title and chapter title. */
  contextStems: readonly string[];
  /** Lower-cased text, for phrase matches. */
  lowerText: string;
}

export const WEIGHTS = {
  /** Term-frequency saturation: 0.9 (Anserini's default) beat 1.2-2 on both halves of the dev queries; 0.5 was worse. */
  k1: 0.9,
  b: 0.75,
  /** Per unit of guest-name evidence (log(episodes / episodes with the name)). */
  prior: 3,
  /** Share of a query word's weight when it appears in the title or chapter title. */
  context: 0.3,
  /** Per phrase found verbatim, times the phrase's summed idf. */
  phrase: 1,
  /** Share of the neighbours' mean lexical score a passage borrows. */
  neighbour: 0.2,
  /** Weight of a prefix match, relative to the query's mean idf. */
  prefix: 0.8,
  /** Weight of a capitalized word found as typed (times the idf it is given). */
  exact: 1,
  /** Share of the episode's evidence (mean score of its best EPISODE_EVIDENCE_PASSAGES) each passage gets. */
  episode: 0.4,
};

/**
 * A query with this many content words describes rather than names (paraphrases and questions run 6-20, keyword
 * queries 2-5; on the dev queries every threshold from 6 to 12 gives the same results).
 */
export const VERBOSE_QUERY_WORDS = 8;
/** How many of an episode's best passages make its evidence (3, 5 and 10 measure the same; 1 is the passage itself). */
export const EPISODE_EVIDENCE_PASSAGES = 5;

/** The query's terms by stem, built once per query (lexicalScore runs for hundreds of candidates). */
const termsByStem = new WeakMap<RankQuery, Map<string, QueryTerm>>();
function termMap(q: RankQuery): Map<string, QueryTerm> {
  let map = termsByStem.get(q);
  if (!map) termsByStem.set(q, (map = new Map(q.terms.map((t) => [t.stem, t]))));
  return map;
}

/** BM25 of one passage for the query words (without the episode prior). */
export function lexicalScore(c: Pick<RankCandidate, 'episodeId' | 'stems'>, q: RankQuery): number {
  const tf = new Map<string, number>();
  const wanted = termMap(q);
  const names = q.nameStems.get(c.episodeId);
  let prefixHits = 0;
  for (const s of c.stems) {
    if (wanted.has(s)) tf.set(s, (tf.get(s) ?? 0) + 1);
    else if (q.prefixes.length > 0 && q.prefixes.some((p) => s.startsWith(p))) prefixHits++;
  }
  const { k1, b } = WEIGHTS;
  const norm = k1 * (1 - b + (b * c.stems.length) / Math.max(q.avgLength, 1));
  let score = 0;
  for (const [s, n] of tf) {
    if (names?.has(s)) continue;
    const term = wanted.get(s)!;
    score += term.weight * term.idf * ((n * (k1 + 1)) / (n + norm));
  }
  for (const { parts, term } of q.compounds) {
    let n = 0;
    for (let i = 0; i + 1 < c.stems.length; i++) if (c.stems[i] === parts[0] && c.stems[i + 1] === parts[1]) n++;
    if (n > 0) score += term.weight * term.idf * ((n * (k1 + 1)) / (n + norm));
  }
  if (prefixHits > 0) {
    const meanIdf = q.terms.length ? q.terms.reduce((sum, t) => sum + t.idf, 0) / q.terms.length : 3;
    score += WEIGHTS.prefix * meanIdf * ((prefixHits * (k1 + 1)) / (prefixHits + norm));
  }
  return score;
}

/** Full score of one passage: lexical + context + phrases + episode prior (neighbours are added by `rank`). */
export function passageScore(c: RankCandidate, q: RankQuery): number {
  let score = lexicalScore(c, q);
  const names = q.nameStems.get(c.episodeId);
  const context = new Set(c.contextStems);
  for (const t of q.terms) {
    if (context.has(t.stem) && !names?.has(t.stem)) score += WEIGHTS.context * t.weight * t.idf;
  }
  for (const { word, idf } of q.exactWords) {
    if (new RegExp(`\\b${word}\\b`).test(c.lowerText)) score += WEIGHTS.exact * idf;
  }
  for (const phrase of q.phrases) {
    if (phrase.length > 1 && c.lowerText.includes(phrase.join(' '))) {
      const idf = phrase.reduce((sum, w) => sum + (q.terms.find((t) => t.stem === stem(w))?.idf ?? 1), 0);
      score += WEIGHTS.phrase * idf;
    }
  }
  return score + WEIGHTS.prior * (q.prior.get(c.episodeId) ?? 0);
}

export interface Ranked {
  id: number;
  score: number;
}

/**
 * Orders candidates: each of the best `smoothTop` gets its passage score plus a share of its neighbours' lexical
 * evidence. `neighbours(head)` is asked once, for those best candidates only, and answers with a lookup of the
 * passages before and after each.
 */
export function rank(
  candidates: readonly RankCandidate[],
  q: RankQuery,
  neighbours: (head: readonly RankCandidate[]) => (c: RankCandidate) => { episodeId: string; stems: readonly string[] }[],
  smoothTop = 60,
): Ranked[] {
  const first = candidates.map((c) => ({ c, score: passageScore(c, q) })).sort((a, b) => b.score - a.score || a.c.id - b.c.id);
  const top = first.slice(0, smoothTop);
  const around = neighbours(top.map(({ c }) => c));
  const head = top.map(({ c, score }) => {
    const beside = around(c);
    const borrowed = beside.length ? beside.reduce((sum, n) => sum + lexicalScore(n, q), 0) / 2 : 0;
    return { id: c.id, score: score + WEIGHTS.neighbour * borrowed };
  });
  head.sort((a, b) => b.score - a.score || a.id - b.id);
  const ranked = [...head, ...first.slice(smoothTop).map(({ c, score }) => ({ id: c.id, score }))];
  if (q.contentWords < VERBOSE_QUERY_WORDS) return ranked;
  const episodeOf = new Map(candidates.map((c) => [c.id, c.episodeId]));
  return withEpisodeEvidence(ranked, (id) => episodeOf.get(id)!);
}

/** Adds to each passage WEIGHTS.episode × the mean score of its episode's best passages, and reorders. */
export function withEpisodeEvidence(ranked: readonly Ranked[], episodeOf: (id: number) => string): Ranked[] {
  const best = new Map<string, number[]>();
  for (const r of ranked) {
    const scores = best.get(episodeOf(r.id)) ?? [];
    // `ranked` is in descending order only by part (the smoothed head first), so keep the best few explicitly.
    scores.push(r.score);
    best.set(episodeOf(r.id), scores);
  }
  const evidence = new Map<string, number>();
  for (const [episode, scores] of best) {
    const top = scores.sort((a, b) => b - a).slice(0, EPISODE_EVIDENCE_PASSAGES);
    evidence.set(episode, top.reduce((sum, s) => sum + s, 0) / EPISODE_EVIDENCE_PASSAGES);
  }
  return ranked
    .map((r) => ({ id: r.id, score: r.score + WEIGHTS.episode * evidence.get(episodeOf(r.id))! }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
}

/** BM25's idf, never negative. */
export function idf(documentFrequency: number, documents: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * Drops a passage that sits right beside (or overlaps) a better-ranked result of the same episode: the two are one
 * moment, and showing it twice spends a result slot a user could use for another. `where` gives each passage's
 * episode and position (seq) in it.
 */
export function collapseAdjacent(ranked: readonly Ranked[], where: (id: number) => { episodeId: string; seq: number }): Ranked[] {
  const shown = new Map<string, Set<number>>();
  const kept: Ranked[] = [];
  for (const r of ranked) {
    const { episodeId, seq } = where(r.id);
    const seqs = shown.get(episodeId) ?? new Set<number>();
    if (seqs.has(seq - 1) || seqs.has(seq + 1) || seqs.has(seq)) continue;
    seqs.add(seq);
    shown.set(episodeId, seqs);
    kept.push(r);
  }
  return kept;
}
