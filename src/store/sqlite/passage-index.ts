// The search index of the SQLite library: passages of every episode's best transcript in FTS5.
import type Database from 'better-sqlite3';
import type { Episode, Timing } from '../../model/episode.js';
import { momentLink } from '../../model/links.js';
import { buildPassages } from '../../search/passages.js';
import { ftsMatch, queryWords } from '../../search/fts.js';
import { hasText, type ParsedQuery } from '../../search/query.js';
import { makeSnippet } from '../../search/snippet.js';
import type { SearchHit, SearchOptions, SearchPage } from '../../search/types.js';
import { stem } from '../../text/words.js';

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
  rank: number;
}

export class PassageIndex {
  private readonly insert;
  private readonly clear;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO passages (episode_id, seq, start, end, timing, speaker, speakers, chapter, ad, text, context)
       VALUES (@episodeId, @seq, @start, @end, @timing, @speaker, @speakers, @chapter, @ad, @text, @context)`,
    );
    this.clear = db.prepare<[string]>('DELETE FROM passages WHERE episode_id = ?');
  }

  /** Re-indexes one episode: its passages are replaced, nothing else is touched (incremental). */
  replace(episode: Episode): void {
    this.clear.run(episode.id);
    const titleWords = (episode.title ?? '').replace(/\s+\|.*$/, '');
    const passages = buildPassages(episode.turns, episode.chapters);
    passages.forEach((p, seq) => {
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
      });
    });
  }

  search(query: ParsedQuery, filters: { episodeId?: string }, options: SearchOptions = {}): SearchPage {
    const limit = Math.min(Math.max(Math.floor(options.limit ?? 10), 1), 100);
    const offset = Math.max(Math.floor(options.offset ?? 0), 0);
    const warnings = [...query.warnings];
    const where: string[] = [];
    const params: (string | number)[] = [];
    const match = ftsMatch(query);
    if (match === null) {
      if (!hasText(query)) warnings.push('the query has no words to search for');
      return { hits: [], more: false, warnings };
    }
    where.push('passages_fts MATCH ?');
    params.push(match);
    if (!options.includeAds) where.push('p.ad = 0');
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
    const rows = this.db
      .prepare<(string | number)[], HitRow>(
        `SELECT p.id, p.episode_id, p.start, p.end, p.timing, p.speaker, p.chapter, p.text,
                e.show, e.number, e.title, e.youtube_id, e.media_url, bm25(passages_fts, 1.0, 1.0) AS rank
         FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid JOIN episodes e ON e.id = p.episode_id
         WHERE ${where.join(' AND ')} ORDER BY rank LIMIT ? OFFSET ?`,
      )
      .all(...params, limit + 1, offset);
    const wanted = new Set([...queryWords(query), ...query.phrases.flat()].map(stem));
    const hits: SearchHit[] = rows.slice(0, limit).map((r) => ({
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
      score: Math.round(-r.rank * 1000) / 1000,
      chapter: r.chapter,
    }));
    return { hits, more: rows.length > limit, warnings };
  }
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
