// The one interface the rest of podsift uses to talk to the library. SQLite implements it now (src/store/sqlite);
// a PostgreSQL backend for libraries that outgrow one machine implements the same interface later.
import type { Episode, EpisodeFragment } from '../model/episode.js';
import type { StepOutcome } from '../enrich/pipeline.js';
import type { ParsedQuery } from '../search/query.js';
import type { SearchOptions, SearchPage } from '../search/types.js';

export interface SourceInput {
  /** Absolute path of the file the fragment was read from: a source's identity. */
  path: string;
  /** SHA-256 of the file's bytes: the same path with the same hash is the same source. */
  hash: string;
  size: number;
  format: string;
  fragment: EpisodeFragment;
  /** contentFingerprint(fragment), when already computed (by a worker thread). */
  fingerprint?: number[];
  /** Passage text → its search stems, computed ahead (a cache: passages not in it are stemmed when indexed). */
  passageStems?: ReadonlyMap<string, string>;
  /** The fragment's transcript in the store's encoding (encodeTurns), when already computed (by a worker thread). */
  encodedTurns?: Uint8Array;
}

export interface StoredSource {
  path: string;
  hash: string;
  format: string;
  episodeId: string;
}

export type AddStatus = 'added' | 'replaced' | 'unchanged' | 'duplicate';

export interface AddOutcome {
  status: AddStatus;
  episodeId: string;
  /** How the source found its episode: a shared key (show+number, YouTube id, title), shared content, or neither. */
  joinedBy: 'key' | 'content' | 'new' | 'unchanged';
  /** For 'duplicate': the path of the source that already holds the same bytes. */
  duplicateOf?: string;
}

export interface EpisodeSummary {
  id: string;
  show: string | null;
  number: number | null;
  title: string | null;
  guests: string[];
  published: string | null;
  youtubeId: string | null;
  duration: number | null;
  /** Counts: turns of the best transcript, chapters, highlights, sources. */
  turns: number;
  chapters: number;
  highlights: number;
  sources: number;
}

export interface NewHighlight {
  episodeId: string;
  start?: number | null;
  end?: number | null;
  title?: string | null;
  text: string;
  note?: string | null;
  tags?: string[];
}

export interface StoredHighlight {
  id: number;
  episodeId: string;
  start: number | null;
  end: number | null;
  title: string | null;
  text: string;
  note: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export type HighlightChanges = Partial<Pick<StoredHighlight, 'start' | 'end' | 'title' | 'text' | 'note' | 'tags'>>;

export interface EntityMention {
  name: string;
  kind: string | null;
  episodeId: string;
  title: string | null;
  times: number[];
}

export type Resolution =
  | { ok: true; id: string }
  | { ok: false; reason: string; candidates: EpisodeSummary[] };

export interface Library {
  /** Where the library lives (a file path for SQLite). */
  readonly location: string;
  /** The source stored for `path` (its hash, format and episode), or null when the library does not hold it. */
  findSource(path: string): StoredSource | null;
  /** Adds or replaces one source and everything it contributes, atomically. */
  addSource(input: SourceInput): AddOutcome;
  /** Removes one source and what it contributed; the episode goes when its last source goes. */
  removeSource(path: string): { episodeId: string } | null;
  listEpisodes(): EpisodeSummary[];
  getEpisode(id: string): Episode | null;
  /** Finds an episode by id, YouTube id, `show#number`, `#number`, or a unique piece of its title. */
  resolveEpisode(ref: string): Resolution;
  /** Removes an episode and all of its sources. */
  removeEpisode(id: string): { sources: number };
  /** The episode as its sources say it, before enrichment is applied. */
  getMergedEpisode(id: string): Episode | null;
  /** A fingerprint of the episode's content (its sources): enrichment stored for another one is stale. */
  contentHash(id: string): string | null;
  /** Ids of episodes with no enrichment for their current content and these step versions. */
  staleEnrichment(versions: Record<string, number>): string[];
  /** Replaces the episode's enrichment with these outcomes (for the content it had when they were computed). */
  saveEnrichment(id: string, contentHash: string, outcomes: StepOutcome[], merged?: Episode): void;
  /** Every episode and time an entity is mentioned, matching its name or a variant loosely. */
  findMentions(name: string): EntityMention[];
  /** Tidies derived indexes after a batch of changes (spelling keys of the search vocabulary); cheap when nothing changed. */
  maintain(): void;
  /** Passages that answer the query, best first (filters in the query; `episode:` resolved like resolveEpisode). */
  search(query: ParsedQuery, options?: SearchOptions): SearchPage;
  /** The user's own highlights, newest first, optionally of one episode, with a tag, or containing some text. */
  listHighlights(filter?: { episodeId?: string; tag?: string; text?: string }): StoredHighlight[];
  getHighlight(id: number): StoredHighlight | null;
  addHighlight(highlight: NewHighlight): StoredHighlight;
  updateHighlight(id: number, changes: HighlightChanges): StoredHighlight | null;
  deleteHighlight(id: number): boolean;
  /**
   * A cheap value that changes whenever the library changes: a write through this connection or a commit by any
   * other connection or process. Caches in front of the library compare it to know when they are stale.
   */
  changeStamp(): string;
  close(): void;
}
