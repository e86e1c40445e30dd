// The search index of the SQLite library: passages of every episode's best transcript in FTS5.
import type Database from 'better-sqlite3';
import type { Episode, Timing } from '../../model/episode.js';
import { momentLink } from '../../model/links.js';
import { buildPassages } from '../../search/passages.js';
import { CANDIDATE_LIMITS, candidateWords, ftsMatch, queryWords } from '../../search/fts.js';
import { hasText, type ParsedQuery } from '../../search/query.js';
import { collapseAdjacent, idf, rank, type QueryTerm, type RankCandidate, type RankQuery } from '../../search/rank.js';
import { oneEditAway, soundKeys, spellingSimilarity } from '../../search/spelling.js';
import { compoundSplits, joinedPairs } from '../../search/compounds.js';
import { cosine, meanVector, MIN_PASSAGES_FOR_VECTORS, quantize, SEMANTIC_TOP, SEMANTIC_WEIGHT, type TermVectors } from '../../search/semantic.js';
import { trainAssociations } from '../../search/associations.js';
import { makeSnippet } from '../../search/snippet.js';
import type { SearchHit, SearchOptions, SearchPage } from '../../search/types.js';
import { contentStems, isStopword, stem, words } from '../../text/words.js';

/** What ranking needs of a candidate (display columns are fetched for the page only: 300 rows' worth cost ~1 ms). */
interface CandidateRow {
  id: number;
  episode_id: string;
  seq: number;
  context: string;
  stems: string;
}

interface HitRow {
  id: number;
  episode_id: string;
  start: number;
  end: number;
  timing: Timing;
  speaker: string | null;
  chapter: string | null;
  text: string;
  show: string | null;
  number: number | null;
  title: string | null;
  youtube_id: string | null;
  media_url: string | null;
}

/** What the ranker needs to know about the whole index; recomputed when the library changes. */
interface IndexStats {
  passages: number;
  avgLength: number;
  /** Word of a guest's name → the episodes with that guest. */
  guestEpisodes: Map<string, string[]>;
  episodes: number;
  /** Whether term_df is up to date (maintain() ran since passages last changed). */
  frequenciesStored: boolean;
}

/**
 * Candidates the ranker orders. On the dev queries every result is the same from 200 to 500 candidates (150 loses
 * one); each candidate costs about 0.03 ms, so 300 leaves a margin for unseen queries at two thirds of the cost.
 */
const CANDIDATES = 300;
/** A name shared by more episodes than this says little about which one is meant. */
const MAX_GUEST_EPISODES = 5;
/** A lower-case query word found in more than this share of passages is an ordinary word, not a guest's name. */
const COMMON_NAME_SHARE = 0.005;

/**
 * Spelling variants rarer than this (in passages) are searched with the word typed: mishearings and typos are
 * rare, while two common words a letter apart ("trick", "track") are different words.
 */
const VARIANT_MAX_DF = 20;
/** A spelling variant counts this much of the word the user typed (times how alike they are). */
const VARIANT_WEIGHT = 0.8;
/** A one-slip correction of a word the library has never seen counts like a spelling variant this alike. */
const TYPO_SIMILARITY = 0.9;
/** Counting a compound's passages stops here: past it the count only says "common". */
const PHRASE_COUNT_LIMIT = 1000;
/** Endings Porter leaves on some inflections ("octopuses" → octopus beside "octopus" → octopu). */
const INFLECTIONS = ['s', 'es', 'e', 'i', 'y'];

export class PassageIndex {
  private readonly insert;
  private readonly clear;
  private readonly vocabularyFrequency;
  private readonly storedFrequency;
  private readonly dataVersion;
  private readonly phraseFrequency;
  private readonly statements = new Map<string, Database.Statement>();

  /** A statement prepared once per distinct SQL (candidate queries vary only in their filters). */
  private cached<P extends unknown[], R>(sql: string): Database.Statement<P, R> {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement as unknown as Database.Statement<P, R>;
  }
  private readonly bumpVersion;
  private readonly totals;
  private readonly addTotals;
  private readonly keysOf;
  private stats: IndexStats | null = null;
  private statsVersion = -1;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO passages (episode_id, seq, start, end, timing, speaker, speakers, chapter, ad, text, context, stems, length)
       VALUES (@episodeId, @seq, @start, @end, @timing, @speaker, @speakers, @chapter, @ad, @text, @context, @stems, @length)`,
    );
    this.clear = db.prepare<[string]>('DELETE FROM passages WHERE episode_id = ?');
    this.vocabularyFrequency = db.prepare<[string], number>('SELECT doc FROM passages_vocab WHERE term = ?').pluck();
    this.storedFrequency = db.prepare<[string], number>('SELECT doc FROM term_df WHERE term = ?').pluck();
    this.bumpVersion = db.prepare("UPDATE search_state SET value = value + 1 WHERE name = 'passages_version'");
    this.addTotals = db.prepare<[number, number]>("UPDATE search_state SET value = value + CASE name WHEN 'passages' THEN ? ELSE ? END WHERE name IN ('passages', 'stems')");
    this.totals = db.prepare<[], { name: string; value: number }>(
      "SELECT name, value FROM search_state WHERE name IN ('passages', 'stems', 'passages_version', 'keys_version')",
    );
    this.keysOf = db.prepare<[string, number, number], string>('SELECT term FROM term_keys WHERE key = ? AND length(term) BETWEEN ? AND ?').pluck();
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.phraseFrequency = db.prepare<[string], number>(`SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ${PHRASE_COUNT_LIMIT})`).pluck();
  }

  /** Index statistics, cached until this or another connection writes (PRAGMA data_version, own writes). */
  private currentStats(): IndexStats {
    const version = this.dataVersion.get()! * 1_000_000 + this.writes;
    if (this.stats && version === this.statsVersion) return this.stats;
    const state = new Map(this.totals.all().map((r) => [r.name, r.value]));
    const totals = { n: state.get('passages') ?? 0, total: state.get('stems') ?? 0 };
    const guestEpisodes = new Map<string, string[]>();
    const episodes = this.db.prepare<[], { id: string; guests: string }>('SELECT id, guests FROM episodes').all();
    for (const e of episodes) {
      for (const guest of JSON.parse(e.guests) as string[]) {
        for (const w of new Set(words(guest))) {
          if (w.length < 3 || isStopword(w)) continue;
          const list = guestEpisodes.get(w) ?? [];
          list.push(e.id);
          guestEpisodes.set(w, list);
        }
      }
    }
    this.stats = {
      passages: totals.n,
      avgLength: totals.n ? (totals.total ?? 0) / totals.n : 1,
      guestEpisodes,
      episodes: episodes.length,
      frequenciesStored: state.get('keys_version') === state.get('passages_version'),
    };
    this.statsVersion = version;
    return this.stats;
  }

  private writes = 0;

  /**
   * After enrichment: when the best transcript kept its times, the passages stay and only what enrichment says
   * about them changes (speakers, chapter, ad flag), without touching the full-text index; otherwise re-index.
   */
  refresh(before: Episode, after: Episode): void {
    const sameTimes =
      before.turns.length === after.turns.length &&
      before.turns.every((t, i) => t.start === after.turns[i]!.start && t.end === after.turns[i]!.end);
    if (!sameTimes) {
      this.replace(after);
      return;
    }
    const stored = this.cached<[string], { id: number; start: number; end: number }>('SELECT id, start, end FROM passages WHERE episode_id = ? ORDER BY seq').all(after.id);
    const update = this.cached<[string | null, string, string | null, number, number], unknown>('UPDATE passages SET speaker = ?, speakers = ?, chapter = ?, ad = ? WHERE id = ?');
    const chapters = [...after.chapters].sort((a, b) => a.start - b.start);
    let t = 0;
    for (const p of stored) {
      while (t < after.turns.length && after.turns[t]!.start < p.start - 0.001) t++;
      const spoken = new Map<string, number>();
      const speakers: string[] = [];
      for (let i = t; i < after.turns.length && after.turns[i]!.start < p.end - 0.001; i++) {
        const turn = after.turns[i]!;
        if (turn.speaker === null) continue;
        if (!speakers.includes(turn.speaker)) speakers.push(turn.speaker);
        spoken.set(turn.speaker, (spoken.get(turn.speaker) ?? 0) + turn.text.length);
      }
      let speaker: string | null = null;
      for (const [name, chars] of spoken) if (speaker === null || chars > spoken.get(speaker)!) speaker = name;
      let chapter: string | null = null;
      for (const c of chapters) if (c.start <= p.start + 1) chapter = c.title;
      const ad = after.ads.some((a) => overlap(a, p) >= (p.end - p.start) / 2);
      update.run(speaker, JSON.stringify(speakers), chapter, ad ? 1 : 0, p.id);
    }
  }

  /** Re-indexes one episode: its passages are replaced, nothing else is touched (incremental). */
  replace(episode: Episode, knownStems?: ReadonlyMap<string, string>): void {
    this.writes++;
    this.bumpVersion.run();
    this.clear.run(episode.id);
    const titleWords = (episode.title ?? '').replace(/\s+\|.*$/, '');
    const passages = buildPassages(episode.turns, episode.chapters);
    let totalLength = 0;
    passages.forEach((p, seq) => {
      const stems = knownStems?.get(p.text) ?? contentStems(p.text).join(' ');
      const length = stems ? countWords(stems) : 0;
      totalLength += length;
      const ad = episode.ads.some((a) => a.start < p.end && a.end > p.start && overlap(a, p) >= (p.end - p.start) / 2);
      this.insert.run({
        episodeId: episode.id,
        seq,
        start: p.start,
        end: p.end,
        timing: p.timing,
        speaker: p.speaker,
        speakers: JSON.stringify(p.speakers),
        chapter: p.chapter,
        ad: ad ? 1 : 0,
        text: p.text,
        context: [titleWords, episode.guests.join(' '), p.chapter ?? ''].join(' ').trim(),
        stems,
        length,
      });
    });
    this.addTotals.run(passages.length, totalLength);
  }

  /**
   * Brings derived search data up to date after passages changed: the sound-alike keys of the vocabulary, and the
   * word vectors (retrained when the library grew or shrank by a quarter since they were trained, else only new
   * passages get vectors).
   */
  maintain(): void {
    const state = new Map(this.db.prepare<[], { name: string; value: number }>('SELECT name, value FROM search_state').all().map((r) => [r.name, r.value]));
    this.maintainVectors(state);
    const version = state.get('passages_version') ?? 0;
    if (state.get('keys_version') === version) return;
    this.writes++;
    const insert = this.db.prepare<[string, string]>('INSERT OR IGNORE INTO term_keys (key, term) VALUES (?, ?)');
    const terms = this.db.prepare<[], [string]>('SELECT term FROM passages_vocab').raw().all();
    this.db.transaction(() => {
      this.db.exec('DELETE FROM term_keys; DELETE FROM term_df; INSERT INTO term_df (term, doc) SELECT term, doc FROM passages_vocab');
      for (const [term] of terms) {
        if (term.length < 4 || !/^[a-z]+$/.test(term)) continue;
        for (const key of soundKeys(term)) insert.run(key, term);
      }
      this.db.prepare("UPDATE search_state SET value = ? WHERE name = 'keys_version'").run(version);
    })();
  }

  private maintainVectors(state: Map<string, number>): void {
    const passages = state.get('passages') ?? 0;
    const stems = state.get('stems') ?? 0;
    const trainedAt = state.get('vectors_stems') ?? 0;
    if (passages < MIN_PASSAGES_FOR_VECTORS) return;
    const stale = trainedAt === 0 || stems > trainedAt * 1.25 || stems < trainedAt * 0.8;
    if (stale) {
      const docs = this.db.prepare<[], [string]>('SELECT stems FROM passages ORDER BY id').raw().all().map(([s]) => (s ? s.split(' ') : []));
      const model = trainAssociations(docs);
      const df = new Map<string, number>();
      for (const doc of docs) for (const s of new Set(doc)) df.set(s, (df.get(s) ?? 0) + 1);
      const insert = this.db.prepare<[string, number, Buffer]>('INSERT INTO term_vectors (term, idf, vector) VALUES (?, ?, ?)');
      this.db.transaction(() => {
        this.db.exec('DELETE FROM term_vectors');
        model.vocabulary.forEach((term, i) => {
          const vector = model.vectors.subarray(i * model.dims, (i + 1) * model.dims);
          insert.run(term, idf(df.get(term) ?? 0, docs.length), Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
        });
        this.db.exec('UPDATE passages SET vector = NULL');
        this.db.prepare("UPDATE search_state SET value = ? WHERE name = 'vectors_stems'").run(stems);
      })();
    }
    const missing = this.db.prepare<[], [number, string]>('SELECT id, stems FROM passages WHERE vector IS NULL').raw().all();
    if (missing.length === 0) return;
    const vectors = this.loadTermVectors();
    if (!vectors) return;
    const update = this.db.prepare<[Buffer | null, number]>('UPDATE passages SET vector = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const [id, stemText] of missing) {
        const v = meanVector(stemText ? stemText.split(' ') : [], vectors, (s) => vectors.idf(s));
        // An empty blob marks "no vector possible" so the passage is not retried on every maintain().
        update.run(v ? quantize(v) : Buffer.alloc(0), id);
      }
    })();
  }

  private loadTermVectors(): (TermVectors & { idf(term: string): number }) | null {
    const rows = this.db.prepare<[], [string, number, Buffer]>('SELECT term, idf, vector FROM term_vectors').raw().all();
    if (rows.length === 0) return null;
    const map = new Map<string, { idf: number; vector: Float32Array }>();
    for (const [term, weight, blob] of rows) map.set(term, { idf: weight, vector: new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)) });
    const dims = rows[0]![2].byteLength / 4;
    return { dims, get: (t) => map.get(t)?.vector, idf: (t) => map.get(t)?.idf ?? 0 };
  }

  /** The unit vector of the query's words, from the stored word vectors; null when none of them has one. */
  private queryVector(stems: string[]): Float32Array | null {
    const rows = stems.length ? this.cached<string[], { term: string; idf: number; vector: Buffer }>(`SELECT term, idf, vector FROM term_vectors WHERE term IN (${stems.map(() => '?').join(',')})`).all(...stems) : [];
    if (rows.length === 0) return null;
    const map = new Map(rows.map((r) => [r.term, { idf: r.idf, vector: new Float32Array(r.vector.buffer.slice(r.vector.byteOffset, r.vector.byteOffset + r.vector.byteLength)) }]));
    return meanVector(stems, { dims: rows[0]!.vector.byteLength / 4, get: (t) => map.get(t)?.vector }, (t) => map.get(t)?.idf ?? 0);
  }

  /** Adds the semantic score to the best passages and reorders them. */
  private softMatch(ranked: { id: number; score: number }[], stems: string[]): { id: number; score: number }[] {
    const query = this.queryVector([...new Set(stems)]);
    if (!query) return ranked;
    const head = ranked.slice(0, SEMANTIC_TOP);
    const ids = head.map((h) => h.id);
    const rows = this.cached<number[], { id: number; vector: Buffer | null }>(`SELECT id, vector FROM passages WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids);
    const vectors = new Map(rows.map((r) => [r.id, r.vector]));
    const scored = head.map((h) => {
      const v = vectors.get(h.id);
      return v && v.byteLength ? { id: h.id, score: h.score + SEMANTIC_WEIGHT * cosine(query, v) } : h;
    });
    scored.sort((a, b) => b.score - a.score || a.id - b.id);
    return [...scored, ...ranked.slice(SEMANTIC_TOP)];
  }

  /** Passages a term occurs in: from term_df when maintain() has brought it up to date, else from FTS5 itself. */
  private frequency(term: string, stats: IndexStats): number {
    return (stats.frequenciesStored ? this.storedFrequency.get(term) : this.vocabularyFrequency.get(term)) ?? 0;
  }

  /** Indexed words spelled like `stem` (speech-to-text mishearings, typos), with how alike they are. */
  private variantsOf(stemmed: string, stats: IndexStats): { term: string; similarity: number }[] {
    if (stemmed.length < 4 || !/^[a-z]+$/.test(stemmed)) return [];
    const seen = new Set<string>();
    // Only words spellingSimilarity can accept are fetched (a one-deletion key like "tk" matches thousands): the
    // same sound key within two letters of length, or, for words of 7+ letters, a shared one-deletion key within
    // one letter (one edit). This cut the lookup from about 2,200 words per dev query to a few dozen.
    const [full, ...deletions] = soundKeys(stemmed);
    const n = stemmed.length;
    if (full) for (const term of this.keysOf.all(full, n - 2, n + 2)) seen.add(term);
    if (n >= 7) for (const key of deletions) for (const term of this.keysOf.all(key, Math.max(7, n - 1), n + 1)) seen.add(term);
    seen.delete(stemmed);
    const variants = [...seen].map((term) => ({ term, similarity: spellingSimilarity(stemmed, term) })).filter((v) => v.similarity > 0);
    // Porter leaves some inflections apart ("octopus" → octopu, "octopuses" → octopus): an indexed term that only
    // adds an inflection-like ending (s, es, e, i, y) to the stem is the same word.
    if (stemmed.length >= 5) {
      // Point lookups: fts5vocab answers `term = ?` from the index but scans the vocabulary for a range.
      for (const ending of INFLECTIONS) {
        const term = stemmed + ending;
        if (!variants.some((v) => v.term === term) && this.frequency(term, stats) > 0) variants.push({ term, similarity: 0.95 });
      }
    }
    return variants;
  }

  search(query: ParsedQuery, filters: { episodeId?: string }, options: SearchOptions = {}): SearchPage {
    const limit = Math.min(Math.max(Math.floor(options.limit ?? 10), 1), 100);
    const offset = Math.max(Math.floor(options.offset ?? 0), 0);
    const warnings = [...query.warnings];
    if (!hasText(query)) {
      warnings.push('the query has no words to search for');
      return { hits: [], more: false, warnings };
    }
    const stats = this.currentStats();
    const typed = queryWords(query);
    const dfOf = new Map<string, number>();
    for (const w of [...typed, ...query.phrases.flat()]) {
      const s = stem(w);
      if (!dfOf.has(s)) dfOf.set(s, this.frequency(s, stats));
    }
    const terms = new Map<string, QueryTerm>();
    for (const [s, df] of dfOf) terms.set(s, { stem: s, idf: idf(df, stats.passages), weight: 1 });
    const variants: string[] = [];
    /** Typed words that have a sound-alike in the library (they are not typo-corrected). */
    const soundAlike = new Set<string>();
    for (const w of typed) {
      if (w.length < 5) continue;
      const s = stem(w);
      const typedDf = dfOf.get(s)!;
      for (const v of this.variantsOf(s, stats)) {
        const df = this.frequency(v.term, stats);
        if (df === 0 || (df >= VARIANT_MAX_DF && typedDf >= VARIANT_MAX_DF)) continue;
        soundAlike.add(w);
        if (terms.has(v.term)) continue;
        // A variant is an occurrence of the word typed: it weighs like that word, unless the typed spelling is the
        // rare one (a typo in the query), when the indexed spelling's weight is the honest one.
        const weightIdf = idf(typedDf > 0 ? Math.max(typedDf, df) : df, stats.passages);
        terms.set(v.term, { stem: v.term, idf: weightIdf, weight: VARIANT_WEIGHT * v.similarity });
        variants.push(v.term);
      }
    }
    for (const w of typed) {
      if (soundAlike.has(w)) continue;
      const correction = this.typoCorrection(w, dfOf, terms, stats);
      if (!correction) continue;
      terms.set(correction.term, { stem: correction.term, idf: idf(correction.df, stats.passages), weight: VARIANT_WEIGHT * TYPO_SIMILARITY });
      // Like a typed word, a common correction is scored but not searched for (its postings would cost the most),
      // except in a library small enough that nothing is pruned.
      const common = correction.df >= CANDIDATE_LIMITS.maxShare * stats.passages && stats.passages > CANDIDATE_LIMITS.minPostings;
      if (!common) variants.push(correction.term);
    }
    const { splits, joined } = this.compoundsOf(typed, dfOf, terms, stats);
    variants.push(...joined);
    const match = ftsMatch({ ...query, terms: candidateWords(typed, (w) => dfOf.get(stem(w))!, stats.passages) }, [...variants, ...splits.map((c) => c.parts.join(' '))]);
    if (match === null) {
      warnings.push('the query has no words to search for');
      return { hits: [], more: false, warnings };
    }
    const rows = this.candidates(match, query, filters, options);

    const prior = new Map<string, number>();
    const nameStems = new Map<string, Set<string>>();
    const capitalized = new Set(query.capitalized);
    for (const w of new Set(typed)) {
      // A guest's name that is also an ordinary word ("Hall", "Grimes", "Malice") names the guest only when typed
      // with a capital or when the word is rare in the library anyway; "concert hall" must not pick Ryan Hall.
      const df = dfOf.get(stem(w)) ?? 0;
      if (!capitalized.has(w) && df >= COMMON_NAME_SHARE * stats.passages) continue;
      for (const { name, similarity } of this.guestNamesLike(w, stats, df)) {
        const episodes = stats.guestEpisodes.get(name)!;
        const evidence = similarity * Math.log(Math.max(stats.episodes, 2) / episodes.length);
        for (const id of episodes) {
          prior.set(id, (prior.get(id) ?? 0) + evidence);
          const names = nameStems.get(id) ?? new Set<string>();
          names.add(stem(w)).add(stem(name));
          nameStems.set(id, names);
        }
      }
    }
    // Capitalized words after the first whose stem is common: matched as typed, weighted like a rare word.
    const firstWord = query.terms[0];
    const exactWords = [...new Set(query.capitalized)]
      .filter((w) => w !== firstWord && !isStopword(w) && w.length >= 4 && /^[a-z]+$/.test(w) && !stats.guestEpisodes.has(w))
      .filter((w) => (dfOf.get(stem(w)) ?? 0) >= COMMON_NAME_SHARE * stats.passages)
      .map((word) => ({ word, idf: idf(COMMON_NAME_SHARE * stats.passages, stats.passages) }));
    const rankQuery: RankQuery = {
      terms: [...terms.values()],
      phrases: query.phrases,
      compounds: splits.map((c) => ({ parts: [stem(c.parts[0]), stem(c.parts[1])], term: c.term })),
      prefixes: query.prefixes.map((p) => p),
      exactWords,
      prior,
      nameStems,
      avgLength: stats.avgLength,
      contentWords: typed.length,
    };
    const candidates = new Map<number, RankCandidate & { row: CandidateRow }>();
    const contextStems = new Map<string, string[]>();
    const texts = query.phrases.length > 0 || exactWords.length > 0 ? this.textsOf(rows.map((r) => r.id)) : new Map<number, string>();
    for (const row of rows) {
      candidates.set(row.id, {
        id: row.id,
        episodeId: row.episode_id,
        stems: row.stems ? row.stems.split(' ') : [],
        contextStems: contextStems.get(row.context) ?? contextStems.set(row.context, contentStems(row.context)).get(row.context)!,
        lowerText: (texts.get(row.id) ?? '').toLowerCase(),
        row,
      });
    }
    const ranked = collapseAdjacent(
      this.softMatch(rank([...candidates.values()], rankQuery, (head) => this.neighbourLookup(head)), typed.map(stem)),
      (id) => ({ episodeId: candidates.get(id)!.episodeId, seq: candidates.get(id)!.row.seq }),
    );

    // Marked in the snippet: every word scored (typed and phrase words, variants, corrections, compounds).
    const wanted = new Set([...terms.keys(), ...splits.flatMap((c) => c.parts.map(stem))]);
    const page = ranked.slice(offset, offset + limit);
    const pageRows = this.hitRows(page.map((p) => p.id));
    const hits: SearchHit[] = page.map(({ id, score }) => {
      const r = pageRows.get(id)!;
      return {
        episode: r.episode_id,
        show: r.show,
        number: r.number,
        title: r.title,
        speaker: r.speaker,
        start: r.start,
        end: r.end,
        timing: r.timing,
        snippet: makeSnippet(r.text, wanted, query.prefixes),
        link: momentLink({ youtubeId: r.youtube_id, mediaUrl: r.media_url }, r.start),
        score: Math.round(score * 1000) / 1000,
        chapter: r.chapter,
      };
    });
    return { hits, more: ranked.length > offset + limit, warnings };
  }

  /**
   * A typed word the library has never seen, one typing slip from a word it has: the most frequent such word's stem.
   * Sound-alike variants work on stems, and a slip can change how Porter stems a word ("persoality" → persoal,
   * "personality" → person), so this looks at the word as typed. Only for unknown words of 5+ letters, and the
   * caller skips words with a sound-alike (a name the library lacks would otherwise turn into some common word).
   */
  private typoCorrection(word: string, dfOf: ReadonlyMap<string, number>, terms: ReadonlyMap<string, QueryTerm>, stats: IndexStats): { term: string; df: number } | null {
    const typed = stem(word);
    // A longer "word" is no word anyone typed (and has ~55 × its length strings one slip away).
    if (word.length < 5 || word.length > 30 || !/^[a-z]+$/.test(word) || (dfOf.get(typed) ?? 0) > 0) return null;
    const stems = [...new Set([...oneEditAway(word)].map(stem))];
    let found: { term: string; doc: number } | undefined;
    if (stats.frequenciesStored) {
      // One statement for the ~500 candidates instead of a lookup each.
      found = this.cached<string[], { term: string; doc: number }>(
        'SELECT term, doc FROM term_df WHERE term IN (SELECT value FROM json_each(?)) ORDER BY doc DESC, term LIMIT 1',
      ).get(JSON.stringify(stems));
    } else {
      // fts5vocab answers only `term = ?` from its index (an IN list would scan the whole vocabulary).
      for (const term of stems) {
        const doc = this.frequency(term, stats);
        if (doc > 0 && (!found || doc > found.doc || (doc === found.doc && term < found.term))) found = { term, doc };
      }
    }
    return found && !terms.has(found.term) ? { term: found.term, df: found.doc } : null;
  }

  /**
   * Compounds of the query written the other way in the library: a rare typed word found as two adjacent words
   * (`splits`, each scored as one occurrence of it), and two adjacent typed words found as one indexed word
   * (`joined` stems, added to `terms` like a spelling variant). Either counts fully: it is the same word, spelled
   * apart or together.
   */
  private compoundsOf(
    typed: readonly string[],
    dfOf: ReadonlyMap<string, number>,
    terms: Map<string, QueryTerm>,
    stats: IndexStats,
  ): { splits: { parts: [string, string]; term: QueryTerm }[]; joined: string[] } {
    const splits: { parts: [string, string]; term: QueryTerm }[] = [];
    for (const word of typed) {
      const typedDf = dfOf.get(stem(word)) ?? 0;
      if (typedDf >= VARIANT_MAX_DF) continue;
      let best: { parts: [string, string]; df: number } | null = null;
      for (const parts of compoundSplits(word, (part) => this.frequency(stem(part), stats) > 0)) {
        const df = this.phraseFrequency.get(`"${parts.join(' ')}"`) ?? 0;
        if (df > 0 && (!best || df > best.df)) best = { parts, df };
      }
      if (best) splits.push({ parts: best.parts, term: { stem: best.parts.join(' '), idf: idf(Math.max(typedDf, best.df), stats.passages), weight: 1 } });
    }
    const joined: string[] = [];
    for (const pair of joinedPairs(typed)) {
      const s = stem(pair);
      const df = terms.has(s) ? 0 : this.frequency(s, stats);
      if (df === 0) continue;
      terms.set(s, { stem: s, idf: idf(df, stats.passages), weight: 1 });
      joined.push(s);
    }
    return { splits, joined };
  }

  private hitRows(ids: number[]): Map<number, HitRow> {
    if (ids.length === 0) return new Map();
    const rows = this.cached<number[], HitRow>(
      `SELECT p.id, p.episode_id, p.start, p.end, p.timing, p.speaker, p.chapter, p.text, e.show, e.number, e.title, e.youtube_id, e.media_url
       FROM passages p JOIN episodes e ON e.id = p.episode_id WHERE p.id IN (${ids.map(() => '?').join(',')})`,
    ).all(...ids);
    return new Map(rows.map((r) => [r.id, r]));
  }

  private textsOf(ids: number[]): Map<number, string> {
    if (ids.length === 0) return new Map();
    const rows = this.cached<number[], { id: number; text: string }>(`SELECT id, text FROM passages WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids);
    return new Map(rows.map((r) => [r.id, r.text]));
  }

  /**
   * The passages before and after each of the best candidates, fetched in one query: an episode's passages are
   * inserted together, so its neighbours are the ids either side (checked against the episode).
   */
  private neighbourLookup(candidates: readonly RankCandidate[]): (c: RankCandidate) => { episodeId: string; stems: string[] }[] {
    const ids = [...new Set(candidates.flatMap((c) => [c.id - 1, c.id + 1]))];
    const found = new Map<number, { episodeId: string; stems: string[] }>();
    const CHUNK = 500;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = this.cached<number[], { id: number; episode_id: string; stems: string }>(
        `SELECT id, episode_id, stems FROM passages WHERE id IN (${chunk.map(() => '?').join(',')})`,
      ).all(...chunk);
      for (const r of rows) found.set(r.id, { episodeId: r.episode_id, stems: r.stems ? r.stems.split(' ') : [] });
    }
    return (c) => [found.get(c.id - 1), found.get(c.id + 1)].filter((n): n is { episodeId: string; stems: string[] } => n !== undefined && n.episodeId === c.episodeId);
  }

  /**
   * Guest-name words the query word names: itself, or a close spelling ("Saramba" for Zaremba) when the word is
   * itself rare in the library, as a misheard or mistyped name is (an ordinary word like "trick" must not become
   * "Rick").
   */
  private guestNamesLike(word: string, stats: IndexStats, df: number): { name: string; similarity: number }[] {
    const exact = stats.guestEpisodes.get(word);
    if (exact) return exact.length <= MAX_GUEST_EPISODES ? [{ name: word, similarity: 1 }] : [];
    if (word.length < 5 || isStopword(word) || df >= VARIANT_MAX_DF) return [];
    const found: { name: string; similarity: number }[] = [];
    for (const [name, episodes] of stats.guestEpisodes) {
      if (episodes.length > MAX_GUEST_EPISODES || Math.abs(name.length - word.length) > 2) continue;
      const similarity = spellingSimilarity(word, name);
      if (similarity > 0) found.push({ name, similarity: similarity * VARIANT_WEIGHT });
    }
    return found;
  }

  private candidates(match: string, query: ParsedQuery, filters: { episodeId?: string }, options: SearchOptions): CandidateRow[] {
    const columns = 'p.id, p.episode_id, p.seq, p.context, p.stems';
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filters.episodeId) {
      where.push('p.episode_id = ?');
      params.push(filters.episodeId);
    }
    const f = query.filters;
    if (f.show) {
      where.push("lower(coalesce(e.show, '')) LIKE ? ESCAPE '\\'");
      params.push(`%${likeEscape(f.show.toLowerCase())}%`);
    }
    if (f.speaker) {
      where.push("lower(p.speakers) LIKE ? ESCAPE '\\'");
      params.push(`%${likeEscape(f.speaker.toLowerCase())}%`);
    }
    if (f.after) {
      where.push('e.published >= ?');
      params.push(f.after);
    }
    if (f.before) {
      where.push('e.published < ?');
      params.push(`${f.before}T99`);
    }
    const ads = options.includeAds ? '' : ' AND p.ad = 0';
    if (where.length === 0) {
      // FTS5 ranks its own rowids fast; joining first would fetch every matching passage before sorting.
      return this.cached<[string], CandidateRow>(
          `SELECT ${columns} FROM (
             SELECT rowid, bm25(passages_fts, 1.0, 1.0) AS rank FROM passages_fts WHERE passages_fts MATCH ?
             ORDER BY rank LIMIT ${CANDIDATES}
           ) f JOIN passages p ON p.id = f.rowid
           WHERE 1${ads} ORDER BY f.rank`,
        ).all(match);
    }
    // With filters the join comes first, so a selective filter still finds its passages.
    return this.cached<(string | number)[], CandidateRow>(
        `SELECT ${columns}
         FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid JOIN episodes e ON e.id = p.episode_id
         WHERE passages_fts MATCH ?${ads} AND ${where.join(' AND ')} ORDER BY bm25(passages_fts, 1.0, 1.0) LIMIT ${CANDIDATES}`,
      ).all(match, ...params);
  }
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** Words in a space-separated list. */
function countWords(list: string): number {
  let n = 1;
  for (let i = list.indexOf(' '); i >= 0; i = list.indexOf(' ', i + 1)) n++;
  return n;
}
