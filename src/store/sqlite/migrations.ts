// Schema migrations, applied in order inside one transaction each; PRAGMA user_version records how far a library got.
// Never edit a released migration: add a new one.
export const migrations: string[] = [
  `
  CREATE TABLE episodes (
    id TEXT PRIMARY KEY,
    show TEXT,
    number INTEGER,
    title TEXT,
    guests TEXT NOT NULL DEFAULT '[]',
    published TEXT,
    youtube_id TEXT,
    media_url TEXT,
    duration REAL,
    turns INTEGER NOT NULL DEFAULT 0,
    chapters INTEGER NOT NULL DEFAULT 0,
    highlights INTEGER NOT NULL DEFAULT 0,
    sources INTEGER NOT NULL DEFAULT 0,
    -- Over the hashes of the episode's sources: what enrichment was computed from.
    content_hash TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
  );
  CREATE INDEX episodes_number ON episodes(number);

  -- Old ids of episodes whose id changed (a better key arrived), so links made before keep working.
  CREATE TABLE episode_aliases (
    alias TEXT PRIMARY KEY,
    episode_id TEXT NOT NULL REFERENCES episodes(id) ON UPDATE CASCADE ON DELETE CASCADE
  );

  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    format TEXT NOT NULL,
    size INTEGER NOT NULL,
    episode_id TEXT NOT NULL REFERENCES episodes(id) ON UPDATE CASCADE,
    meta TEXT NOT NULL,
    extras TEXT NOT NULL,
    turn_count INTEGER NOT NULL,
    fingerprint_size INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL
  );
  CREATE INDEX sources_episode ON sources(episode_id);
  CREATE INDEX sources_hash ON sources(hash);

  -- A source's transcript, read and written whole: search has its own passage index, so turns need not be rows.
  CREATE TABLE transcripts (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    turns TEXT NOT NULL
  );

  -- Identity keys (show+number, YouTube id, title) each source carries.
  CREATE TABLE source_keys (
    key TEXT NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    PRIMARY KEY (key, source_id)
  ) WITHOUT ROWID;
  CREATE INDEX source_keys_source ON source_keys(source_id);

  -- Sampled shingle hashes of each source's text, to join untitled transcripts to their episode by content.
  -- weak = 1 when the source has no strong key (show+number, YouTube id): a source with a strong key is compared
  -- only with weak ones, since between two strong sources the keys decide. Rows are appended in source order and
  -- looked up through the covering index; deleting a source's rows is rare enough to scan for.
  CREATE TABLE fingerprints (
    hash INTEGER NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    weak INTEGER NOT NULL
  );
  CREATE INDEX fingerprints_lookup ON fingerprints(weak, hash, source_id);
  `,
  `
  -- What enrichment added to an episode: one row per step, valid while the episode's content is unchanged
  -- (content_hash is over its sources' hashes); stale rows are ignored when reading and replaced by enrich.
  CREATE TABLE enrichments (
    episode_id TEXT NOT NULL REFERENCES episodes(id) ON UPDATE CASCADE ON DELETE CASCADE,
    step TEXT NOT NULL,
    seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    patch TEXT,
    reason TEXT,
    PRIMARY KEY (episode_id, step)
  ) WITHOUT ROWID;

  -- Every mention of a named entity, library-wide, for "everywhere X comes up".
  CREATE TABLE entity_mentions (
    entity_key TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT,
    episode_id TEXT NOT NULL REFERENCES episodes(id) ON UPDATE CASCADE ON DELETE CASCADE,
    times TEXT NOT NULL
  );
  CREATE INDEX entity_mentions_key ON entity_mentions(entity_key);
  CREATE INDEX entity_mentions_episode ON entity_mentions(episode_id);
  `,
  `
  -- Search: passages of each episode's best transcript, indexed by FTS5. The FTS table holds no copy of the text
  -- (contentless, with deletes); triggers keep it in step with the passages table.
  CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    episode_id TEXT NOT NULL REFERENCES episodes(id) ON UPDATE CASCADE ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start REAL NOT NULL,
    end REAL NOT NULL,
    timing TEXT NOT NULL,
    speaker TEXT,
    speakers TEXT NOT NULL,
    chapter TEXT,
    ad INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    -- Episode title, guests and chapter title: words that say where the passage is, weighted on their own.
    context TEXT NOT NULL,
    -- The Porter stems of the text's content words, space-separated, in order: what the ranker scores, so a
    -- query never re-tokenizes candidate text.
    stems TEXT NOT NULL,
    length INTEGER NOT NULL,
    -- The passage's mean word vector (src/search/semantic.ts), 8 bits per dimension; filled by maintain().
    vector BLOB
  );
  CREATE INDEX passages_episode ON passages(episode_id, seq);
  CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, context, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'
  );
  -- Document frequencies of every indexed term, for the ranker's weights.
  CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');
  CREATE TRIGGER passages_insert AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts (rowid, text, context) VALUES (new.id, new.text, new.context);
  END;
  -- Inserts come an episode at a time (PassageIndex.replace), which adds to the totals once; deletes also come by
  -- cascade, so the delete trigger keeps the totals itself.
  CREATE TRIGGER passages_delete AFTER DELETE ON passages BEGIN
    DELETE FROM passages_fts WHERE rowid = old.id;
    UPDATE search_state SET value = value - CASE name WHEN 'passages' THEN 1 ELSE old.length END WHERE name IN ('passages', 'stems');
  END;

  -- Sound-alike keys of the indexed vocabulary (src/search/spelling.ts), for spelling variants; rebuilt by
  -- maintain() after passages change (search_state counts the changes).
  CREATE TABLE term_keys (
    key TEXT NOT NULL,
    term TEXT NOT NULL,
    PRIMARY KEY (key, term)
  ) WITHOUT ROWID;
  CREATE TABLE search_state (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  );
  -- passages and stems: running totals of the passage index, so a search needs no full scan for its statistics.
  -- vectors_stems: the size of the library (in stems) when the word vectors were last trained; 0 = never.
  INSERT INTO search_state (name, value) VALUES ('passages_version', 0), ('keys_version', 0), ('passages', 0), ('stems', 0), ('vectors_stems', 0);

  -- Word vectors trained on the library's own passages (src/search/associations.ts), with the idf they were
  -- weighted by, for soft matching.
  CREATE TABLE term_vectors (
    term TEXT PRIMARY KEY,
    idf REAL NOT NULL,
    vector BLOB NOT NULL
  ) WITHOUT ROWID;

  -- Highlights the user makes in podsift (imported ones stay with their sources).
  CREATE TABLE user_highlights (
    id INTEGER PRIMARY KEY,
    episode_id TEXT NOT NULL REFERENCES episodes(id) ON UPDATE CASCADE ON DELETE CASCADE,
    start REAL,
    end REAL,
    title TEXT,
    text TEXT NOT NULL,
    note TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX user_highlights_episode ON user_highlights(episode_id);
  `,
  // 4: document frequencies copied out of the FTS5 vocabulary by maintain(): fts5vocab answers a point lookup by
  // walking the index (0.2 ms), a search makes a dozen of them.
  `
  CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    doc INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- Passages deleted by cascade (an episode removed) also make term_df and term_keys stale.
  DROP TRIGGER passages_delete;
  CREATE TRIGGER passages_delete AFTER DELETE ON passages BEGIN
    DELETE FROM passages_fts WHERE rowid = old.id;
    UPDATE search_state SET value = value - CASE name WHEN 'passages' THEN 1 ELSE old.length END WHERE name IN ('passages', 'stems');
    UPDATE search_state SET value = value + 1 WHERE name = 'passages_version';
  END;
  -- term_df starts empty: until maintain() fills it, searches read frequencies from FTS5.
  UPDATE search_state SET value = value + 1 WHERE name = 'passages_version';
  `,
];
