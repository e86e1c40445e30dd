// Shared by the search benchmark's parent (bench/search.ts) and its per-engine children (bench/search/engine.ts).
import Database from 'better-sqlite3';
import { isStopword, words } from '../../src/text/words.js';
import type { Scores } from '../lib/known-item.js';

/** One passage exactly as podsift indexes it (the library's `passages` table). */
export interface Passage {
  id: number;
  start: number;
  end: number;
  text: string;
  /** Episode title + guests + chapter title: indexed as a second, boosted field. */
  context: string;
  youtubeId: string | null;
}

/** Field weight of `context` against `text` (1) for every engine that takes field boosts, like a title field. */
export const CONTEXT_BOOST = 2;

/** Every passage of the library, read with better-sqlite3 (read-only). */
export function loadPassages(libraryPath: string): Passage[] {
  const db = new Database(libraryPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], { id: number; start: number; end: number; text: string; context: string; youtube_id: string | null }>(
        'SELECT p.id, p.start, p.end, p.text, p.context, e.youtube_id FROM passages p JOIN episodes e ON e.id = p.episode_id ORDER BY p.id',
      )
      .all()
      .map((r) => ({ id: r.id, start: r.start, end: r.end, text: r.text, context: r.context, youtubeId: r.youtube_id }));
  } finally {
    db.close();
  }
}

/**
 * What every peer is asked: the query's words (lower-cased, diacritics folded, split on anything not a letter or a
 * digit) without podsift's stopwords, deduplicated, in order; all its words when it has only stopwords. Each peer
 * gets them joined by spaces (or OR-ed, for FTS5), which every one of them reads as "any of these words".
 */
export function peerWords(query: string): string[] {
  const all = words(query);
  const content = all.filter((w) => !isStopword(w));
  return [...new Set(content.length > 0 ? content : all)];
}

/** What a child process reports to the parent (written as JSON to the file given by --out). */
export interface EngineReport {
  engine: string;
  scores: Record<string, Scores>;
  /** Index build time; null when measured elsewhere (podsift: the parent's ingest child). */
  buildSeconds: number | null;
  indexBytes: number | null;
  /** How indexBytes was measured. */
  indexKind: string;
  peakRssMb: number;
  /** Mean latency of the 90 evaluation queries (the first, cold-ish pass). */
  evalMeanMs: number;
  latency: { n: number; p50: number; p95: number; p99: number } | null;
  notes: string[];
}
