// The library and its episodes: the list, one episode (the JSON contract of `podsift show --json`, optionally with
// its transcript paged), the transcript page by page, and the parts the episode page shows.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Episode } from '../../model/episode.js';
import { fullJson, partialJson } from '../cache.js';
import type { ServerContext } from '../context.js';
import { episodeOr404 } from '../context.js';
import { ApiError } from '../errors.js';
import { episodeId, int, query, params, seconds, text } from '../validate.js';

export const MAX_TURN_PAGE = 1000;

/** Where each page of `size` turns starts (turn offset and time) and how much text it holds, for a virtual list. */
export function turnPages(turns: { start: number; text: string }[], size: number): { offset: number; start: number; chars: number }[] {
  const pages: { offset: number; start: number; chars: number }[] = [];
  for (let offset = 0; offset < turns.length; offset += size) {
    let chars = 0;
    const end = Math.min(turns.length, offset + size);
    for (let i = offset; i < end; i++) chars += turns[i]!.text.length;
    pages.push({ offset, start: turns[offset]!.start, chars });
  }
  return pages;
}

/** Index of the turn playing at `at` seconds: the last one starting at or before it. */
export function turnAt(turns: { start: number }[], at: number): number {
  let lo = 0;
  let hi = turns.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** For each chapter, the index of the turn it starts at (the first turn starting at or after it). */
export function chapterTurns(episode: Pick<Episode, 'turns' | 'chapters'>): number[] {
  const { turns } = episode;
  return episode.chapters.map((c) => {
    if (turns.length === 0) return 0;
    const i = turnAt(turns, c.start);
    return turns[i]!.start >= c.start - 0.5 || i === turns.length - 1 ? i : i + 1;
  });
}

/** The episode JSON with one page of its best transcript instead of all of it, and the other transcripts counted. */
export function pagedEpisode(episode: Episode, offset: number, limit: number) {
  return {
    ...partialJson(episode, episode.turns.slice(offset, offset + limit)),
    transcriptSources: episode.transcripts.map((t) => ({ source: t.source, turns: t.turns.length })),
    turnPage: { offset, limit, total: episode.turns.length, pages: turnPages(episode.turns, limit), chapterTurns: chapterTurns(episode) },
  };
}

const idParams = z.object({ id: episodeId });

export function episodeRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get('/episodes', (c) => {
    const q = query(
      c,
      z.strictObject({
        show: text(200).optional(),
        q: text(200).optional(),
        limit: int(1, 5000).optional(),
        offset: int(0, 1_000_000).optional(),
      }),
    );
    let episodes = ctx.library.listEpisodes();
    if (q.show) episodes = episodes.filter((e) => (e.show ?? '').toLowerCase() === q.show!.toLowerCase());
    if (q.q) {
      const needle = q.q.toLowerCase();
      episodes = episodes.filter((e) => `${e.title ?? ''} ${e.show ?? ''} ${e.guests.join(' ')} ${e.id}`.toLowerCase().includes(needle));
    }
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 5000;
    return c.json({ total: episodes.length, offset, episodes: episodes.slice(offset, offset + limit) });
  });

  app.get('/resolve', (c) => {
    const q = query(c, z.strictObject({ ref: text(300).min(1) }));
    const found = ctx.library.resolveEpisode(q.ref);
    if (found.ok) return c.json({ id: found.id });
    throw new ApiError(404, found.reason, { candidates: found.candidates.map((e) => ({ id: e.id, title: e.title, show: e.show, number: e.number })) });
  });

  app.get('/episodes/:id', (c) => {
    const { id } = params(c, idParams);
    const q = query(c, z.strictObject({ turnOffset: int(0, 10_000_000).optional(), turnLimit: int(1, MAX_TURN_PAGE).optional() }));
    const cached = episodeOr404(ctx, id);
    if (q.turnLimit === undefined && q.turnOffset === undefined) {
      cached.text ??= JSON.stringify(fullJson(cached));
      return c.body(cached.text, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
    }
    return c.json(pagedEpisode(cached.episode, q.turnOffset ?? 0, q.turnLimit ?? 200));
  });

  app.get('/episodes/:id/turns', (c) => {
    const { id } = params(c, idParams);
    const q = query(c, z.strictObject({ offset: int(0, 10_000_000).optional(), limit: int(1, MAX_TURN_PAGE).optional(), at: seconds.optional() }));
    if (q.at !== undefined && q.offset !== undefined) throw new ApiError(400, 'invalid query: give offset or at, not both');
    const { episode } = episodeOr404(ctx, id, { keep: true });
    const limit = q.limit ?? 200;
    const offset = q.at !== undefined ? Math.floor(turnAt(episode.turns, q.at) / limit) * limit : (q.offset ?? 0);
    return c.json({ offset, limit, total: episode.turns.length, turns: partialJson(episode, episode.turns.slice(offset, offset + limit)).turns });
  });

  const part = (key: 'chapters' | 'moments' | 'insights' | 'mentions' | 'highlights') => {
    app.get(`/episodes/:id/${key}`, (c) => {
      const { id } = params(c, idParams);
      query(c, z.strictObject({}));
      const { episode } = episodeOr404(ctx, id);
      return c.json({ [key]: partialJson(episode)[key] });
    });
  };
  part('chapters');
  part('moments');
  part('insights');
  part('mentions');
  part('highlights');

  app.get('/status', (c) => {
    query(c, z.strictObject({}));
    const episodes = ctx.library.listEpisodes();
    return c.json({ name: 'podsift', episodes: episodes.length, highlights: ctx.library.listHighlights().length });
  });

  return app;
}
