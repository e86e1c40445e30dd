// Small caches in front of the library, so reading a 3-hour episode page by page or repeating a search costs
// microseconds. Everything is dropped when the library changes: a write through this server, or a commit by another
// process (the CLI adding or enriching files), seen as a change of the library's change stamp (checked on every
// request; it costs a few microseconds). Entries also expire after a while, in case a change goes unseen.
import type { Episode } from '../model/episode.js';
import { episodeJson, type EpisodeJson } from '../export/json.js';
import type { Library } from '../store/library.js';

export interface CachedEpisode {
  episode: Episode;
  /** The episode JSON contract, made when first asked for (see fullJson). */
  json?: EpisodeJson;
  /** The same, serialized. */
  text?: string;
}

/** The whole episode JSON (every turn of every transcript), made once per cached episode. */
export function fullJson(cached: CachedEpisode): EpisodeJson {
  return (cached.json ??= episodeJson(cached.episode));
}

/**
 * The episode JSON with only these turns of the best transcript and no other transcripts: what a page of the web
 * app needs, without converting thousands of turns it does not show.
 */
export function partialJson(episode: Episode, turns: Episode['turns'] = []): EpisodeJson {
  return episodeJson({ ...episode, turns, transcripts: [] });
}

interface Entry<T> {
  value: T;
  generation: number;
  at: number;
}

class Lru<T> {
  private readonly map = new Map<string, Entry<T>>();
  constructor(private readonly max: number) {}
  get(key: string): Entry<T> | undefined {
    const entry = this.map.get(key);
    if (entry) {
      this.map.delete(key);
      this.map.set(key, entry);
    }
    return entry;
  }
  set(key: string, entry: Entry<T>): void {
    this.map.delete(key);
    this.map.set(key, entry);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  clear(): void {
    this.map.clear();
  }
}

export interface CacheOptions {
  enabled?: boolean;
  /** How long an entry is kept at most. */
  ttlMs?: number;
  /** Episodes kept (the largest are a few MB each in memory). */
  episodes?: number;
}

export class Caches {
  private generation = 0;
  private readonly episodes: Lru<CachedEpisode>;
  private readonly searches = new Lru<unknown>(1000);
  private readonly enabled: boolean;
  private readonly ttl: number;
  private lastStamp: string | null = null;

  constructor(
    private readonly library: Library,
    options: CacheOptions = {},
    /** Changes whenever the library does (by default the library's own change stamp). */
    private readonly stamp: () => string = () => library.changeStamp(),
  ) {
    this.enabled = options.enabled ?? true;
    this.ttl = options.ttlMs ?? 10 * 60_000;
    this.episodes = new Lru<CachedEpisode>(options.episodes ?? 8);
  }

  /** Something in the library changed: forget everything. */
  changed(): void {
    this.generation++;
    this.episodes.clear();
    this.searches.clear();
  }

  /** Forgets everything when the library changed since the last look (another process wrote to it). */
  private fresh(): void {
    const stamp = this.stamp();
    if (this.lastStamp !== null && stamp !== this.lastStamp) this.changed();
    this.lastStamp = stamp;
  }

  /**
   * The episode and its JSON. `keep` asks to keep it for the next requests: a reader paging through a long
   * transcript. One-off reads (opening an episode, an export, a crawler or benchmark walking the library) do not
   * store it, as churning a cache of multi-megabyte episodes costs more in garbage collection than it saves.
   */
  episode(id: string, options: { keep?: boolean } = {}): CachedEpisode | null {
    const now = Date.now();
    this.fresh();
    const hit = this.enabled ? this.episodes.get(id) : undefined;
    if (hit && hit.generation === this.generation && now - hit.at < this.ttl) return hit.value;
    const episode = this.library.getEpisode(id);
    if (!episode) return null;
    const value: CachedEpisode = { episode };
    if (this.enabled && options.keep) this.episodes.set(id, { value, generation: this.generation, at: now });
    return value;
  }

  search<T>(key: string, compute: () => T): T {
    const now = Date.now();
    this.fresh();
    const hit = this.enabled ? this.searches.get(key) : undefined;
    if (hit && hit.generation === this.generation && now - hit.at < this.ttl) return hit.value as T;
    const value = compute();
    if (this.enabled) this.searches.set(key, { value, generation: this.generation, at: now });
    return value;
  }
}
