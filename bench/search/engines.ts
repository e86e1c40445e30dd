// The engines of `npm run bench:search`: podsift itself and its peers, each behind the same small interface.
// Every peer indexes the same passages (fields `text` and `context`, context boosted CONTEXT_BOOST x where the engine
// takes field boosts), gets the same query words (peerWords: stopword-free, deduplicated) with "any of these words"
// semantics, and returns its top 10. What each one receives exactly is written next to it below.
import { statSync } from 'node:fs';
import { join } from 'node:path';
// The libraries are imported when their engine is made, so that each child process loads only its own.
import Database from 'better-sqlite3';
import type lunrType from 'lunr';
import type { RankedSpan } from '../lib/known-item.js';
import { CONTEXT_BOOST, peerWords, type Passage } from './common.js';

export interface Engine {
  /** Whether build() needs the passages (podsift searches its own library and builds nothing here). */
  readonly needsPassages: boolean;
  build(passages: Passage[]): void | Promise<void>;
  /** The top 10 for what a person typed. */
  search(query: string): RankedSpan[] | Promise<RankedSpan[]>;
  /** Bytes of an index that lives in a file, with what was counted; undefined: the runner counts heap growth. */
  disk?(): { bytes: number; kind: string };
  close?(): void;
}

export interface EngineContext {
  libraryPath: string;
  /** A scratch directory of this run (FTS5 writes its database there). */
  tmpDir: string;
  /** Passage id -> its span, for turning peers' ids into results. */
  spans: Map<number, RankedSpan>;
}

export const ENGINES = ['podsift', 'fts5', 'minisearch', 'minisearch-fuzzy', 'lunr', 'flexsearch', 'orama'] as const;
export type EngineName = (typeof ENGINES)[number];

/** One line per engine for the header of the table: what it indexes and what it is asked. */
export const DESCRIPTIONS: Record<EngineName, string> = {
  podsift: 'library.search(parseQuery(q), {limit: 10}) on the library (its own FTS5 index and ranking)',
  fts5: `fts5(text, context, tokenize='porter unicode61'), bm25(t, 1, ${CONTEXT_BOOST}), MATCH "w1" OR "w2" ...`,
  minisearch: `MiniSearch fields text+context, boost context ${CONTEXT_BOOST}, prefix off, fuzzy off, combineWith OR; search("w1 w2 ...")`,
  'minisearch-fuzzy': 'same as minisearch with fuzzy: 0.2',
  lunr: `lunr default pipeline (trimmer, stopWordFilter, stemmer), field context boost ${CONTEXT_BOOST}; search("w1 w2 ...") (terms optional = OR)`,
  flexsearch: `FlexSearch Document, tokenize strict, encoder LatinBalance, search("w1 w2 ...", {suggest: true, merge: true}) (no field boosts in FlexSearch)`,
  orama: `Orama (stemming on, english, no stopwords), term "w1 w2 ...", properties text+context, boost context ${CONTEXT_BOOST}, threshold 1 (default: any word)`,
};

export async function makeEngine(name: EngineName, ctx: EngineContext): Promise<Engine> {
  const top = (ids: Iterable<number | string>): RankedSpan[] => {
    const out: RankedSpan[] = [];
    for (const id of ids) {
      const span = ctx.spans.get(Number(id));
      if (span) out.push(span);
      if (out.length === 10) break;
    }
    return out;
  };
  switch (name) {
    case 'podsift':
      return await podsiftEngine(ctx);
    case 'fts5':
      return fts5Engine(ctx, top);
    case 'minisearch':
    case 'minisearch-fuzzy':
      return await miniSearchEngine(name === 'minisearch-fuzzy' ? 0.2 : false, top);
    case 'lunr':
      return await lunrEngine(top);
    case 'flexsearch':
      return await flexSearchEngine(top);
    case 'orama':
      return await oramaEngine(top);
  }
}

/** Bytes of the FTS5 shadow tables named `<table>_*` except stored content (the index proper), via dbstat. */
function ftsBytes(db: Database.Database, table: string): number {
  const row = db
    .prepare<[string, string], { b: number | null }>("SELECT sum(pgsize) AS b FROM dbstat WHERE name LIKE ? ESCAPE '\\' AND name <> ?")
    .get(`${table}\\_%`, `${table}_content`);
  return row?.b ?? 0;
}

async function podsiftEngine(ctx: EngineContext): Promise<Engine> {
  const { parseQuery } = await import('../../src/search/query.js');
  const { SqliteLibrary } = await import('../../src/store/sqlite/sqlite-library.js');
  const library = new SqliteLibrary(ctx.libraryPath, { readonly: true });
  const youtubeOf = new Map(library.listEpisodes().map((e) => [e.id, e.youtubeId]));
  return {
    needsPassages: false,
    build() {},
    search(query) {
      return library
        .search(parseQuery(query), { limit: 10 })
        .hits.map((h) => ({ youtubeId: youtubeOf.get(h.episode) ?? null, start: h.start, end: h.end }));
    },
    disk() {
      const db = new Database(ctx.libraryPath, { readonly: true });
      try {
        return { bytes: ftsBytes(db, 'passages_fts'), kind: 'disk: passages_fts_* (contentless)' };
      } finally {
        db.close();
      }
    },
    close: () => library.close(),
  };
}

function fts5Engine(ctx: EngineContext, top: (ids: Iterable<number>) => RankedSpan[]): Engine {
  const path = join(ctx.tmpDir, 'fts5-plain.db');
  const db = new Database(path);
  db.exec("DROP TABLE IF EXISTS t; CREATE VIRTUAL TABLE t USING fts5(text, context, tokenize='porter unicode61')");
  let query: Database.Statement<[string], { id: number }> | null = null;
  return {
    needsPassages: true,
    build(passages) {
      const insert = db.prepare<[number, string, string]>('INSERT INTO t (rowid, text, context) VALUES (?, ?, ?)');
      db.transaction(() => {
        for (const p of passages) insert.run(p.id, p.text, p.context);
      })();
      query = db.prepare(`SELECT rowid AS id FROM t WHERE t MATCH ? ORDER BY bm25(t, 1, ${CONTEXT_BOOST}) LIMIT 10`);
    },
    search(q) {
      const words = peerWords(q);
      if (words.length === 0) return [];
      return top(query!.all(words.map((w) => `"${w}"`).join(' OR ')).map((r) => r.id));
    },
    disk() {
      const index = ftsBytes(db, 't');
      return { bytes: index, kind: `disk: t_* without t_content (file ${(statSync(path).size / 2 ** 20).toFixed(0)} MB with it)` };
    },
    close: () => db.close(),
  };
}

async function miniSearchEngine(fuzzy: number | false, top: (ids: Iterable<number>) => RankedSpan[]): Promise<Engine> {
  const { default: MiniSearch } = await import('minisearch');
  const index = new MiniSearch<Passage>({
    idField: 'id',
    fields: ['text', 'context'],
    storeFields: [],
    searchOptions: { boost: { context: CONTEXT_BOOST }, prefix: false, fuzzy, combineWith: 'OR' },
  });
  return {
    needsPassages: true,
    build(passages) {
      index.addAll(passages);
    },
    search(q) {
      const words = peerWords(q);
      if (words.length === 0) return [];
      return top(index.search(words.join(' ')).map((r) => r.id as number));
    },
  };
}

async function lunrEngine(top: (ids: Iterable<string>) => RankedSpan[]): Promise<Engine> {
  const { default: lunr } = await import('lunr');
  let index: lunrType.Index | null = null;
  return {
    needsPassages: true,
    build(passages) {
      index = lunr(function () {
        this.ref('id');
        this.field('text');
        this.field('context', { boost: CONTEXT_BOOST });
        for (const p of passages) this.add({ id: String(p.id), text: p.text, context: p.context });
      });
    },
    search(q) {
      // Words are letters and digits only, so nothing in them is lunr query syntax (+ - ~ ^ : *).
      const words = peerWords(q);
      if (words.length === 0) return [];
      return top(index!.search(words.join(' ')).map((r) => r.ref));
    },
  };
}

async function flexSearchEngine(top: (ids: Iterable<number>) => RankedSpan[]): Promise<Engine> {
  const { Charset, Document } = await import('flexsearch');
  const field = (name: 'text' | 'context') => ({ field: name, tokenize: 'strict' as const, encoder: Charset.LatinBalance });
  const index = new Document<{ id: number; text: string; context: string }>({
    document: { id: 'id', index: [field('text'), field('context')] },
  });
  return {
    needsPassages: true,
    build(passages) {
      for (const p of passages) index.add({ id: p.id, text: p.text, context: p.context });
    },
    search(q) {
      const words = peerWords(q);
      if (words.length === 0) return [];
      // FlexSearch has no field boosts in Document search: its own `merge: true` fuses the per-field lists (text-field
      // results come first). Fusing them with context weighted 2x (or 0.5x) by reciprocal rank, or with a Resolver
      // boost, measured worse on the dev queries (R@10 0.26-0.64 against 0.64), so the library's own merge is used.
      const merged = index.search(words.join(' '), { suggest: true, limit: 10, merge: true }) as unknown as { id: number }[];
      return top(merged.map((r) => r.id));
    },
  };
}

async function oramaEngine(top: (ids: Iterable<string>) => RankedSpan[]): Promise<Engine> {
  const { create, insertMultiple, search: oramaSearch } = await import('@orama/orama');
  const db = create({
    schema: { text: 'string', context: 'string' } as const,
    components: { tokenizer: { stemming: true, language: 'english' } },
  });
  return {
    needsPassages: true,
    async build(passages) {
      await insertMultiple(
        db,
        passages.map((p) => ({ id: String(p.id), text: p.text, context: p.context })),
        1000,
      );
    },
    async search(q) {
      const words = peerWords(q);
      if (words.length === 0) return [];
      const results = await oramaSearch(db, { term: words.join(' '), properties: ['text', 'context'], boost: { context: CONTEXT_BOOST }, limit: 10 });
      return top(results.hits.map((h) => h.id));
    },
  };
}
