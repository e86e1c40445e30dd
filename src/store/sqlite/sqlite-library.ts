import Database from 'better-sqlite3';
import type { Episode, EpisodeFragment, EpisodeMeta, Turn } from '../../model/episode.js';
import {
  contentFingerprint,
  identityKeys,
  keysConflict,
  MIN_FINGERPRINT,
  preferredEpisodeId,
  SAME_CONTENT_CONTAINMENT,
  showKey,
} from '../../model/identity.js';
import { mergeEpisode, type SourceFragment } from '../../model/merge.js';
import { applyOutcomes, type StepOutcome } from '../../enrich/pipeline.js';
import type { EnrichmentPatch } from '../../enrich/step.js';
import type { AddOutcome, EntityMention, EpisodeSummary, Library, Resolution, SourceInput, StoredSource } from '../library.js';
import { createHash } from 'node:crypto';
import { migrations } from './migrations.js';
import { decodeTurns, encodeTurns } from '../transcript-codec.js';
import { PassageIndex } from './passage-index.js';
import { UserHighlights } from './user-highlights.js';
import type { ParsedQuery } from '../../search/query.js';
import type { SearchOptions, SearchPage } from '../../search/types.js';
import type { HighlightChanges, NewHighlight, StoredHighlight } from '../library.js';

type Extras = Pick<EpisodeFragment, 'speakers' | 'chapters' | 'highlights' | 'summary'>;

interface SourceRow {
  id: number;
  path: string;
  hash: string;
  format: string;
  episode_id: string;
  meta: string;
  extras: string;
}

interface EpisodeRow {
  id: string;
  show: string | null;
  number: number | null;
  title: string | null;
  guests: string;
  published: string | null;
  youtube_id: string | null;
  duration: number | null;
  turns: number;
  chapters: number;
  highlights: number;
  sources: number;
}

/** The library in one SQLite file (WAL, foreign keys, migrations); every add is one transaction. */
export class SqliteLibrary implements Library {
  readonly location: string;
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly passages: PassageIndex;
  private readonly highlights: UserHighlights;

  constructor(path: string, options: { readonly?: boolean } = {}) {
    this.location = path;
    this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    this.db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // WAL with synchronous=NORMAL survives a killed process (only power loss can drop the last commits).
      this.db.pragma('synchronous = NORMAL');
      // Checkpoints (and their fsyncs) every 64 MB of WAL rather than every 4 MB: a corpus-sized add spends a
      // tenth of its time less on them. The WAL file is cut back to 8 MB after each one.
      this.db.pragma('wal_autocheckpoint = 16000');
      this.db.pragma('journal_size_limit = 8388608');
    }
    this.db.pragma('foreign_keys = ON');
    if (!options.readonly) this.migrate();
    this.stmt = this.prepare();
    this.passages = new PassageIndex(this.db);
    this.highlights = new UserHighlights(this.db);
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) {
      throw new Error(`${this.location} was written by a newer podsift (schema ${version}, this one knows ${migrations.length})`);
    }
    for (let v = version; v < migrations.length; v++) {
      this.db.transaction(() => {
        this.db.exec(migrations[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      }).immediate();
    }
  }

  private prepare() {
    const db = this.db;
    return {
      sourceByPath: db.prepare<[string], SourceRow>('SELECT id, path, hash, format, episode_id, meta, extras FROM sources WHERE path = ?'),
      sourceByHash: db.prepare<[string], { path: string; episode_id: string }>('SELECT path, episode_id FROM sources WHERE hash = ? LIMIT 1'),
      sourcesOf: db.prepare<[string], SourceRow>(
        'SELECT id, path, hash, format, episode_id, meta, extras FROM sources WHERE episode_id = ? ORDER BY path',
      ),
      insertSource: db.prepare(
        `INSERT INTO sources (path, hash, format, size, episode_id, meta, extras, turn_count, fingerprint_size, added_at)
         VALUES (@path, @hash, @format, @size, @episodeId, @meta, @extras, @turnCount, @fingerprintSize, @addedAt)`,
      ),
      deleteSource: db.prepare<[number]>('DELETE FROM sources WHERE id = ?'),
      insertTranscript: db.prepare<[number, Buffer]>('INSERT INTO transcripts (source_id, turns) VALUES (?, ?)'),
      transcriptOf: db.prepare<[number], { turns: string | Buffer }>('SELECT turns FROM transcripts WHERE source_id = ?'),
      changeStamp: db.prepare<[], { version: number; changes: number }>('SELECT data_version AS version, total_changes() AS changes FROM pragma_data_version'),
      insertKey: db.prepare<[string, number]>('INSERT OR IGNORE INTO source_keys (key, source_id) VALUES (?, ?)'),
      episodesByKey: db.prepare<[string], { episode_id: string }>(
        'SELECT DISTINCT s.episode_id FROM source_keys k JOIN sources s ON s.id = k.source_id WHERE k.key = ?',
      ),
      keysOfEpisode: db.prepare<[string], { key: string }>(
        'SELECT DISTINCT k.key FROM source_keys k JOIN sources s ON s.id = k.source_id WHERE s.episode_id = ?',
      ),
      fingerprintSize: db.prepare<[string], { n: number }>('SELECT SUM(fingerprint_size) AS n FROM sources WHERE episode_id = ?'),
      insertFingerprint: db.prepare<[number, number, number]>('INSERT INTO fingerprints (hash, source_id, weak) VALUES (?, ?, ?)'),
      episodeIds: db.prepare<[string], { id: string }>('SELECT id FROM episodes WHERE id = ?'),
      insertEpisode: db.prepare<[string, string]>('INSERT INTO episodes (id, updated_at) VALUES (?, ?)'),
      updateEpisode: db.prepare(
        `UPDATE episodes SET show = @show, number = @number, title = @title, guests = @guests, published = @published,
         youtube_id = @youtubeId, media_url = @mediaUrl, duration = @duration, turns = @turns, chapters = @chapters, highlights = @highlights,
         sources = @sources, content_hash = @contentHash, updated_at = @updatedAt WHERE id = @id`,
      ),
      renameEpisode: db.prepare<[string, string]>('UPDATE episodes SET id = ? WHERE id = ?'),
      insertAlias: db.prepare<[string, string]>('INSERT OR REPLACE INTO episode_aliases (alias, episode_id) VALUES (?, ?)'),
      deleteAlias: db.prepare<[string]>('DELETE FROM episode_aliases WHERE alias = ?'),
      aliasOf: db.prepare<[string], { episode_id: string }>('SELECT episode_id FROM episode_aliases WHERE alias = ?'),
      deleteEpisode: db.prepare<[string]>('DELETE FROM episodes WHERE id = ?'),
      moveSources: db.prepare<[string, string]>('UPDATE sources SET episode_id = ? WHERE episode_id = ?'),
      listEpisodes: db.prepare<[], EpisodeRow>(
        `SELECT id, show, number, title, guests, published, youtube_id, duration, turns, chapters, highlights, sources
         FROM episodes ORDER BY show IS NULL, show, number IS NULL, number, title, id`,
      ),
      episodeRow: db.prepare<[string], EpisodeRow>(
        `SELECT id, show, number, title, guests, published, youtube_id, duration, turns, chapters, highlights, sources
         FROM episodes WHERE id = ?`,
      ),
      byNumber: db.prepare<[number], EpisodeRow>(
        `SELECT id, show, number, title, guests, published, youtube_id, duration, turns, chapters, highlights, sources
         FROM episodes WHERE number = ?`,
      ),
      byYoutube: db.prepare<[string], { id: string }>('SELECT id FROM episodes WHERE youtube_id = ?'),
      sourceHashesOf: db.prepare<[string], { hash: string }>('SELECT hash FROM sources WHERE episode_id = ? ORDER BY hash'),
      contentHashOf: db.prepare<[string], { content_hash: string }>('SELECT content_hash FROM episodes WHERE id = ?'),
      enrichmentsOf: db.prepare<[string], { step: string; version: number; content_hash: string; patch: string | null; reason: string | null }>(
        'SELECT step, version, content_hash, patch, reason FROM enrichments WHERE episode_id = ? ORDER BY seq',
      ),
      deleteEnrichments: db.prepare<[string]>('DELETE FROM enrichments WHERE episode_id = ?'),
      insertEnrichment: db.prepare(
        `INSERT INTO enrichments (episode_id, step, seq, version, content_hash, patch, reason)
         VALUES (@episodeId, @step, @seq, @version, @contentHash, @patch, @reason)`,
      ),
      allEnrichmentState: db.prepare<[], { id: string; content_hash: string; step: string | null; version: number | null; stored_hash: string | null }>(
        `SELECT e.id, e.content_hash, n.step, n.version, n.content_hash AS stored_hash
         FROM episodes e LEFT JOIN enrichments n ON n.episode_id = e.id`,
      ),
      deleteEntityMentions: db.prepare<[string]>('DELETE FROM entity_mentions WHERE episode_id = ?'),
      insertEntityMention: db.prepare(
        'INSERT INTO entity_mentions (entity_key, name, kind, episode_id, times) VALUES (@key, @name, @kind, @episodeId, @times)',
      ),
      mentionsByKey: db.prepare<[string], { name: string; kind: string | null; episode_id: string; title: string | null; times: string }>(
        `SELECT m.name, m.kind, m.episode_id, e.title, m.times FROM entity_mentions m JOIN episodes e ON e.id = m.episode_id
         WHERE m.entity_key = ?`,
      ),
      mentionsLike: db.prepare<[string], { name: string; kind: string | null; episode_id: string; title: string | null; times: string }>(
        `SELECT m.name, m.kind, m.episode_id, e.title, m.times FROM entity_mentions m JOIN episodes e ON e.id = m.episode_id
         WHERE m.entity_key LIKE ? ESCAPE '\\'`,
      ),
    };
  }

  findSource(path: string): StoredSource | null {
    const row = this.stmt.sourceByPath.get(path);
    return row ? { path: row.path, hash: row.hash, format: row.format, episodeId: row.episode_id } : null;
  }

  addSource(input: SourceInput): AddOutcome {
    return this.db.transaction((): AddOutcome => {
      const existing = this.stmt.sourceByPath.get(input.path);
      if (existing && existing.hash === input.hash) {
        return { status: 'unchanged', episodeId: existing.episode_id, joinedBy: 'unchanged' };
      }
      if (!existing) {
        const twin = this.stmt.sourceByHash.get(input.hash);
        if (twin) return { status: 'duplicate', episodeId: twin.episode_id, joinedBy: 'unchanged', duplicateOf: twin.path };
      }
      const previousEpisode = existing?.episode_id;
      if (existing) this.stmt.deleteSource.run(existing.id);

      const keys = identityKeys(input.fragment.meta);
      const fingerprint = input.fingerprint ?? contentFingerprint(input.fragment);
      let joinedBy: AddOutcome['joinedBy'] = 'key';
      let matches = this.episodesWithKeys(keys);
      if (matches.length === 0) {
        const byContent = this.episodeWithContent(fingerprint, keys);
        matches = byContent ? [byContent] : [];
        joinedBy = byContent ? 'content' : 'new';
      }
      let episodeId: string;
      if (matches.length === 0) {
        episodeId = this.freeId(preferredEpisodeId([input.fragment.meta]) ?? `ep-${input.hash.slice(0, 12)}`);
        this.stmt.insertEpisode.run(episodeId, now());
      } else {
        episodeId = matches[0]!;
        for (const other of matches.slice(1)) this.absorb(episodeId, other);
      }

      const sourceId = Number(
        this.stmt.insertSource.run({
          path: input.path,
          hash: input.hash,
          format: input.format,
          size: input.size,
          episodeId,
          meta: JSON.stringify(input.fragment.meta),
          extras: JSON.stringify(extrasOf(input.fragment)),
          turnCount: input.fragment.transcript?.turns.length ?? 0,
          fingerprintSize: fingerprint.length,
          addedAt: now(),
        }).lastInsertRowid,
      );
      const turns = input.fragment.transcript?.turns ?? [];
      if (turns.length > 0) this.stmt.insertTranscript.run(sourceId, storable(input.encodedTurns) ?? encodeTurns(turns));
      for (const key of keys) this.stmt.insertKey.run(key, sourceId);
      const weak = isWeak(keys) ? 1 : 0;
      for (const h of fingerprint) this.stmt.insertFingerprint.run(h, sourceId, weak);

      const known = new Map<number, EpisodeFragment>([[sourceId, input.fragment]]);
      const finalId = this.refreshEpisode(episodeId, known, input.passageStems);
      if (previousEpisode && previousEpisode !== episodeId) this.refreshEpisode(previousEpisode);
      return { status: existing ? 'replaced' : 'added', episodeId: finalId ?? episodeId, joinedBy };
    }).immediate();
  }

  private episodesWithKeys(keys: string[]): string[] {
    const found = new Set<string>();
    for (const key of keys) for (const row of this.stmt.episodesByKey.all(key)) found.add(row.episode_id);
    return [...found].sort();
  }

  /**
   * The episode whose stored text shares enough sampled shingles with this fingerprint, measured as containment of
   * the smaller of the two in the larger (so a highlight excerpt joins its transcript in either order), unless the
   * episode's keys contradict `keys`.
   */
  private episodeWithContent(fingerprint: number[], keys: string[]): string | null {
    if (fingerprint.length < MIN_FINGERPRINT) return null;
    const shared = new Map<string, number>();
    const CHUNK = 500;
    for (let i = 0; i < fingerprint.length; i += CHUNK) {
      const chunk = fingerprint.slice(i, i + CHUNK);
      const rows = this.sharedShingles(chunk.length, isWeak(keys)).all(...chunk);
      for (const row of rows) shared.set(row.episode_id, (shared.get(row.episode_id) ?? 0) + row.n);
    }
    const ranked = [...shared]
      .filter(([, n]) => n >= MIN_FINGERPRINT / 2)
      .map(([id, n]) => {
        const smaller = Math.min(fingerprint.length, this.stmt.fingerprintSize.get(id)!.n);
        return { id, containment: smaller >= MIN_FINGERPRINT ? n / smaller : 0 };
      })
      .filter((c) => c.containment >= SAME_CONTENT_CONTAINMENT)
      .sort((a, b) => b.containment - a.containment);
    for (const { id } of ranked) {
      if (!keysConflict(keys, this.stmt.keysOfEpisode.all(id).map((r) => r.key))) return id;
    }
    return null;
  }

  private readonly sharedShinglesCache = new Map<string, Database.Statement<number[], { episode_id: string; n: number }>>();

  /** Counts, per episode, how many of `arity` given hashes its sources hold (only weak sources' unless `weak`). */
  private sharedShingles(arity: number, weak: boolean) {
    const cacheKey = `${arity}:${weak}`;
    let statement = this.sharedShinglesCache.get(cacheKey);
    if (!statement) {
      statement = this.db.prepare<number[], { episode_id: string; n: number }>(
        `SELECT s.episode_id, COUNT(DISTINCT f.hash) AS n FROM fingerprints f JOIN sources s ON s.id = f.source_id
         WHERE f.weak IN (${weak ? '0, 1' : '1'}) AND f.hash IN (${Array.from({ length: arity }, () => '?').join(',')})
         GROUP BY s.episode_id`,
      );
      this.sharedShinglesCache.set(cacheKey, statement);
    }
    return statement;
  }

  /** Moves every source of `other` into `into` (two episodes turned out to be one) and keeps `other`'s id as an alias. */
  private absorb(into: string, other: string): void {
    this.stmt.moveSources.run(into, other);
    this.db.prepare('UPDATE episode_aliases SET episode_id = ? WHERE episode_id = ?').run(into, other);
    this.stmt.deleteEpisode.run(other);
    this.stmt.insertAlias.run(other, into);
  }

  private freeId(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.stmt.episodeIds.get(id) || this.stmt.aliasOf.get(id); n++) id = `${wanted}-${n}`;
    return id;
  }

  private loadFragment(row: SourceRow): EpisodeFragment {
    const extras = JSON.parse(row.extras) as Extras;
    const stored = this.stmt.transcriptOf.get(row.id);
    const turns = stored ? decodeTurns(stored.turns) : [];
    return { meta: JSON.parse(row.meta) as EpisodeMeta, ...extras, ...(turns.length > 0 ? { transcript: { turns } } : {}) };
  }

  private loadSources(episodeId: string, known?: Map<number, EpisodeFragment>): SourceFragment[] {
    return this.stmt.sourcesOf.all(episodeId).map((row) => ({
      path: row.path,
      format: row.format,
      fragment: known?.get(row.id) ?? this.loadFragment(row),
    }));
  }

  /**
   * Recomputes an episode's cached summary from its sources (deleting it when none are left) and gives it the
   * best id its facts allow. Returns the episode's id afterwards, or null when it was deleted.
   */
  private refreshEpisode(id: string, known?: Map<number, EpisodeFragment>, passageStems?: ReadonlyMap<string, string>): string | null {
    const sources = this.loadSources(id, known);
    if (sources.length === 0) {
      this.stmt.deleteEpisode.run(id);
      return null;
    }
    const episode = mergeEpisode(id, sources);
    this.passages.replace(episode, passageStems);
    this.stmt.updateEpisode.run({
      id,
      show: episode.show,
      number: episode.number,
      title: episode.title,
      guests: JSON.stringify(episode.guests),
      published: episode.published,
      youtubeId: episode.youtubeId,
      mediaUrl: episode.mediaUrl,
      duration: episode.duration,
      turns: episode.turns.length,
      chapters: episode.chapters.length,
      highlights: episode.highlights.length,
      sources: sources.length,
      contentHash: this.computeContentHash(id),
      updatedAt: now(),
    });
    this.stmt.deleteEntityMentions.run(id);
    const wanted = preferredEpisodeId(sources.map((s) => s.fragment.meta));
    if (wanted && wanted !== id && !id.startsWith(`${wanted}-`)) {
      const fresh = this.freeId(wanted);
      this.stmt.renameEpisode.run(fresh, id);
      this.stmt.deleteAlias.run(fresh);
      this.stmt.insertAlias.run(id, fresh);
      return fresh;
    }
    return id;
  }

  removeSource(path: string): { episodeId: string } | null {
    return this.db.transaction(() => {
      const row = this.stmt.sourceByPath.get(path);
      if (!row) return null;
      this.stmt.deleteSource.run(row.id);
      this.refreshEpisode(row.episode_id);
      return { episodeId: row.episode_id };
    }).immediate();
  }

  listEpisodes(): EpisodeSummary[] {
    return this.stmt.listEpisodes.all().map(rowToSummary);
  }

  getMergedEpisode(id: string): Episode | null {
    return this.db.transaction(() => {
      const row = this.stmt.episodeRow.get(id);
      if (!row) return null;
      return mergeEpisode(row.id, this.loadSources(row.id));
    })();
  }

  getEpisode(id: string): Episode | null {
    return this.db.transaction(() => {
      const merged = this.getMergedEpisode(id);
      if (!merged) return null;
      const own = this.highlights.ofEpisodeId(id);
      if (own.length) {
        merged.highlights = [
          ...merged.highlights,
          ...own.map((h) => ({ id: h.id, start: h.start, end: h.end, ...(h.title ? { title: h.title } : {}), text: h.text, ...(h.note ? { note: h.note } : {}), origin: 'user', tags: h.tags })),
        ].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
      }
      const current = this.stmt.contentHashOf.get(id)?.content_hash;
      const outcomes: StepOutcome[] = this.stmt.enrichmentsOf
        .all(id)
        .filter((r) => r.content_hash === current)
        .map((r) => ({
          step: r.step,
          version: r.version,
          patch: r.patch ? (JSON.parse(r.patch) as EnrichmentPatch) : null,
          ...(r.reason ? { reason: r.reason } : {}),
        }));
      return outcomes.length > 0 ? applyOutcomes(merged, outcomes) : merged;
    })();
  }

  contentHash(id: string): string | null {
    return this.stmt.contentHashOf.get(id)?.content_hash ?? null;
  }

  private computeContentHash(id: string): string {
    const hash = createHash('sha256');
    for (const row of this.stmt.sourceHashesOf.all(id)) hash.update(row.hash).update('\n');
    return hash.digest('hex').slice(0, 32);
  }

  staleEnrichment(versions: Record<string, number>): string[] {
    const state = new Map<string, { hash: string; steps: Map<string, { version: number; hash: string }> }>();
    for (const row of this.stmt.allEnrichmentState.all()) {
      let entry = state.get(row.id);
      if (!entry) state.set(row.id, (entry = { hash: row.content_hash, steps: new Map() }));
      if (row.step !== null) entry.steps.set(row.step, { version: row.version!, hash: row.stored_hash! });
    }
    const stale: string[] = [];
    for (const [id, entry] of state) {
      const fresh = Object.entries(versions).every(([step, version]) => {
        const stored = entry.steps.get(step);
        return stored !== undefined && stored.version === version && stored.hash === entry.hash;
      });
      if (!fresh) stale.push(id);
    }
    return stale.sort();
  }

  /** `merged` is getMergedEpisode(id) when the caller already has it (the content hash guards that it is current). */
  saveEnrichment(id: string, contentHash: string, outcomes: StepOutcome[], merged?: Episode): void {
    this.db.transaction(() => {
      if (this.contentHash(id) !== contentHash) return; // the episode changed while it was being enriched
      this.stmt.deleteEnrichments.run(id);
      outcomes.forEach((o, seq) =>
        this.stmt.insertEnrichment.run({
          episodeId: id,
          step: o.step,
          seq,
          version: o.version,
          contentHash,
          patch: o.patch ? JSON.stringify(o.patch) : null,
          reason: o.reason ?? null,
        }),
      );
      this.stmt.deleteEntityMentions.run(id);
      const before = merged ?? this.getMergedEpisode(id);
      if (before) this.passages.refresh(before, applyOutcomes(before, outcomes));
      const mentions = [...outcomes].reverse().find((o) => o.patch?.mentions)?.patch?.mentions ?? [];
      for (const m of mentions) {
        if (!m.name || !m.times?.length) continue;
        const keys = new Set([m.name, ...(m.variants ?? [])].map(entityKey).filter(Boolean));
        for (const key of keys) {
          this.stmt.insertEntityMention.run({ key, name: m.name, kind: m.kind ?? null, episodeId: id, times: JSON.stringify(m.times) });
        }
      }
    }).immediate();
  }

  findMentions(name: string): EntityMention[] {
    const key = entityKey(name);
    if (!key) return [];
    let rows = this.stmt.mentionsByKey.all(key);
    if (rows.length === 0) rows = this.stmt.mentionsLike.all(`%${key.replace(/[\\%_]/g, '\\$&')}%`);
    const seen = new Map<string, EntityMention>();
    for (const r of rows) {
      const id = `${r.episode_id}\u0000${r.name}`;
      if (!seen.has(id)) seen.set(id, { name: r.name, kind: r.kind, episodeId: r.episode_id, title: r.title, times: JSON.parse(r.times) as number[] });
    }
    return [...seen.values()].sort((a, b) => (a.episodeId < b.episodeId ? -1 : a.episodeId > b.episodeId ? 1 : 0));
  }

  resolveEpisode(ref: string): Resolution {
    const text = ref.trim();
    if (!text) return { ok: false, reason: 'empty episode reference', candidates: [] };
    if (this.stmt.episodeIds.get(text)) return { ok: true, id: text };
    const alias = this.stmt.aliasOf.get(text);
    if (alias) return { ok: true, id: alias.episode_id };
    const yt = this.stmt.byYoutube.all(text);
    if (yt.length === 1) return { ok: true, id: yt[0]!.id };

    const numbered = /^(.*?)\s*#\s*(\d+)$/.exec(text);
    if (numbered) {
      const number = Number(numbered[2]);
      const show = numbered[1]!.trim();
      let rows = this.stmt.byNumber.all(number);
      if (show) rows = rows.filter((r) => r.show !== null && showKey(r.show) === showKey(show));
      if (rows.length === 1) return { ok: true, id: rows[0]!.id };
      if (rows.length > 1) {
        return { ok: false, reason: `"${text}" matches ${rows.length} episodes; name the show (show#${number})`, candidates: rows.map(rowToSummary) };
      }
      return { ok: false, reason: `no episode ${show ? `${show} ` : ''}#${number} in the library`, candidates: [] };
    }

    const needle = text.toLowerCase();
    const hits = this.stmt.listEpisodes.all().filter((r) => (r.title ?? '').toLowerCase().includes(needle) || r.id.startsWith(needle));
    if (hits.length === 1) return { ok: true, id: hits[0]!.id };
    if (hits.length > 1) {
      return { ok: false, reason: `"${text}" matches ${hits.length} episodes; use an id`, candidates: hits.slice(0, 10).map(rowToSummary) };
    }
    return { ok: false, reason: `no episode matches "${text}"`, candidates: [] };
  }

  maintain(): void {
    this.passages.maintain();
  }

  search(query: ParsedQuery, options: SearchOptions = {}): SearchPage {
    let episodeId: string | undefined;
    if (query.filters.episode) {
      const found = this.resolveEpisode(query.filters.episode);
      if (!found.ok) return { hits: [], more: false, warnings: [...query.warnings, `episode:${query.filters.episode}: ${found.reason}`] };
      episodeId = found.id;
    }
    return this.passages.search(query, { episodeId }, options);
  }

  listHighlights(filter?: { episodeId?: string; tag?: string; text?: string }): StoredHighlight[] {
    return this.highlights.list(filter);
  }

  getHighlight(id: number): StoredHighlight | null {
    return this.highlights.get(id);
  }

  addHighlight(highlight: NewHighlight): StoredHighlight {
    return this.highlights.add(highlight);
  }

  updateHighlight(id: number, changes: HighlightChanges): StoredHighlight | null {
    return this.highlights.update(id, changes);
  }

  deleteHighlight(id: number): boolean {
    return this.highlights.delete(id);
  }

  removeEpisode(id: string): { sources: number } {
    return this.db.transaction(() => {
      const sources = this.stmt.sourcesOf.all(id);
      for (const s of sources) this.stmt.deleteSource.run(s.id);
      this.stmt.deleteEpisode.run(id);
      return { sources: sources.length };
    }).immediate();
  }

  /**
   * `PRAGMA data_version` changes when another connection commits (not for this connection's own commits);
   * `total_changes()` counts the rows this connection has changed. Together they change with every write.
   */
  changeStamp(): string {
    const row = this.stmt.changeStamp.get()!;
    return `${row.version}:${row.changes}`;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** An entity name compared loosely: case, accents, punctuation and spacing do not matter. */
function entityKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A source without show+number or YouTube id: only content can tell which episode it belongs to. */
function isWeak(keys: string[]): boolean {
  return !keys.some((k) => k.startsWith('num:') || k.startsWith('yt:'));
}

function extrasOf(fragment: EpisodeFragment): Extras {
  const extras: Extras = {};
  if (fragment.speakers?.length) extras.speakers = fragment.speakers;
  if (fragment.chapters?.length) extras.chapters = fragment.chapters;
  if (fragment.highlights?.length) extras.highlights = fragment.highlights;
  if (fragment.summary) extras.summary = fragment.summary;
  return extras;
}

function rowToSummary(row: EpisodeRow): EpisodeSummary {
  return {
    id: row.id,
    show: row.show,
    number: row.number,
    title: row.title,
    guests: JSON.parse(row.guests) as string[],
    published: row.published,
    youtubeId: row.youtube_id,
    duration: row.duration,
    turns: row.turns,
    chapters: row.chapters,
    highlights: row.highlights,
    sources: row.sources,
  };
}

function now(): string {
  return new Date().toISOString();
}

/** Bytes that crossed from a worker thread arrive as a plain Uint8Array; better-sqlite3 binds Buffers as blobs. */
function storable(bytes: Uint8Array | undefined): Buffer | undefined {
  if (!bytes) return undefined;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
