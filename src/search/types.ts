import type { Timing } from '../model/episode.js';

export interface SearchOptions {
  /** Results per page (default 10, at most 100). */
  limit?: number;
  /** Results to skip, for pagination. */
  offset?: number;
  /** Include sponsor reads and ad breaks (left out by default). */
  includeAds?: boolean;
}

/** One place in one episode that answers the query. The JSON shape of `podsift search --json` (README). */
export interface SearchHit {
  episode: string;
  show: string | null;
  number: number | null;
  title: string | null;
  speaker: string | null;
  start: number;
  end: number;
  timing: Timing;
  /** A short excerpt with the matched words wrapped in ** (a literal * in the text is written \*). */
  snippet: string;
  /** Plays the episode at `start`: YouTube when the id is known, else the media URL with #t=. */
  link: string | null;
  score: number;
  chapter: string | null;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Whether more results follow this page. */
  more: boolean;
  warnings: string[];
}
