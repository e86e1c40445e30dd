// An enrichment step: a pure function from an episode to what it adds, like a unified plugin over one tree.
// Steps never touch the disk, the database, the network or the clock; the store keeps what they return.
import type { AdSpan, Chapter, Correction, Episode, Insight, Mention, Moment, Speaker, Timing, Turn } from '../model/episode.js';

/** A change to one turn of one transcript, by the turn's index in that transcript. */
export interface TurnPatch {
  index: number;
  speaker?: string | null;
  attributed?: boolean;
  start?: number;
  end?: number;
  timing?: Timing;
}

/** What a step adds to an episode. Every field is optional; a list replaces that list. */
export interface EnrichmentPatch {
  /** Derived chapters (only for episodes without given ones). */
  chapters?: Chapter[];
  /**
   * Changes to turns, per transcript (by source path): `replace` gives the transcript new turns (a step that splits
   * paragraphs into speaker turns), then `turns` changes single turns by index.
   */
  transcripts?: { source: string; replace?: Turn[]; turns?: TurnPatch[] }[];
  speakers?: Speaker[];
  moments?: Moment[];
  insights?: Insight[];
  mentions?: Mention[];
  ads?: AdSpan[];
  corrections?: Correction[];
}

export interface EnrichStep {
  /** Stable id, e.g. "chapters"; stored with the result. */
  id: string;
  /** Bump when the step's output changes for the same input, so stored results are recomputed. */
  version: number;
  /** Why the step cannot do anything useful for this episode (e.g. "no transcript"), or null when it can. */
  skip(episode: Episode): string | null;
  /** The additions. May assume skip() returned null. Must not mutate the episode. */
  run(episode: Episode): EnrichmentPatch;
}
