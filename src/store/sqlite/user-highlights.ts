// Highlights people make in podsift: kept in their own table, merged into the episode when it is read.
import type Database from 'better-sqlite3';
import type { HighlightChanges, NewHighlight, StoredHighlight } from '../library.js';

interface Row {
  id: number;
  episode_id: string;
  start: number | null;
  end: number | null;
  title: string | null;
  text: string;
  note: string | null;
  tags: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, episode_id, start, end, title, text, note, tags, created_at, updated_at';

export class UserHighlights {
  private readonly byId;
  private readonly ofEpisode;
  private readonly all;
  private readonly insert;
  private readonly remove;

  constructor(private readonly db: Database.Database) {
    this.byId = db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM user_highlights WHERE id = ?`);
    this.ofEpisode = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM user_highlights WHERE episode_id = ? ORDER BY start, id`);
    this.all = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM user_highlights ORDER BY created_at DESC, id DESC`);
    this.insert = db.prepare(
      `INSERT INTO user_highlights (episode_id, start, end, title, text, note, tags, created_at, updated_at)
       VALUES (@episodeId, @start, @end, @title, @text, @note, @tags, @now, @now)`,
    );
    this.remove = db.prepare<[number]>('DELETE FROM user_highlights WHERE id = ?');
  }

  get(id: number): StoredHighlight | null {
    const row = this.byId.get(id);
    return row ? toHighlight(row) : null;
  }

  ofEpisodeId(episodeId: string): StoredHighlight[] {
    return this.ofEpisode.all(episodeId).map(toHighlight);
  }

  list(filter: { episodeId?: string; tag?: string; text?: string } = {}): StoredHighlight[] {
    const rows = filter.episodeId ? this.ofEpisode.all(filter.episodeId) : this.all.all();
    const needle = filter.text?.toLowerCase();
    return rows
      .map(toHighlight)
      .filter((h) => !filter.tag || h.tags.includes(filter.tag))
      .filter((h) => !needle || `${h.title ?? ''} ${h.text} ${h.note ?? ''}`.toLowerCase().includes(needle));
  }

  add(h: NewHighlight): StoredHighlight {
    const now = new Date().toISOString();
    const id = Number(
      this.insert.run({
        episodeId: h.episodeId,
        start: h.start ?? null,
        end: h.end ?? null,
        title: h.title ?? null,
        text: h.text,
        note: h.note ?? null,
        tags: JSON.stringify(h.tags ?? []),
        now,
      }).lastInsertRowid,
    );
    return this.get(id)!;
  }

  update(id: number, changes: HighlightChanges): StoredHighlight | null {
    const current = this.get(id);
    if (!current) return null;
    const next = { ...current, ...changes };
    this.db
      .prepare('UPDATE user_highlights SET start = ?, end = ?, title = ?, text = ?, note = ?, tags = ?, updated_at = ? WHERE id = ?')
      .run(next.start, next.end, next.title ?? null, next.text, next.note ?? null, JSON.stringify(next.tags), new Date().toISOString(), id);
    return this.get(id);
  }

  delete(id: number): boolean {
    return this.remove.run(id).changes > 0;
  }
}

function toHighlight(row: Row): StoredHighlight {
  return {
    id: row.id,
    episodeId: row.episode_id,
    start: row.start,
    end: row.end,
    title: row.title,
    text: row.text,
    note: row.note,
    tags: JSON.parse(row.tags) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
