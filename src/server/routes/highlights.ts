// The user's own highlights: list with filters, create, read, edit, delete.
import { Hono } from 'hono';
import { z } from 'zod';
import { momentLink } from '../../model/links.js';
import type { EpisodeSummary, StoredHighlight } from '../../store/library.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { episodeId, int, jsonBody, params, query, text } from '../validate.js';

const time = z.number().finite().min(0).max(1_000_000);
const tag = text(64)
  .transform((t) => t.trim())
  .refine((t) => t.length > 0, 'empty tag');

const fields = {
  start: time.nullable().optional(),
  end: time.nullable().optional(),
  title: text(500).nullable().optional(),
  text: text(20_000).refine((t) => t.trim().length > 0, 'empty text'),
  note: text(20_000).nullable().optional(),
  tags: z.array(tag).max(32).optional(),
};

const timesInOrder = (h: { start?: number | null; end?: number | null }) => h.start === undefined || h.start === null || h.end === undefined || h.end === null || h.end >= h.start;

export const newHighlight = z.strictObject({ episodeId, ...fields }).refine(timesInOrder, { message: 'end is before start', path: ['end'] });
export const highlightChanges = z
  .strictObject({ ...fields, text: fields.text.optional() })
  .refine(timesInOrder, { message: 'end is before start', path: ['end'] })
  .refine((h) => Object.keys(h).length > 0, 'nothing to change');

export const listQuery = z.strictObject({
  episode: episodeId.optional(),
  tag: text(64).optional(),
  q: text(200).optional(),
  limit: int(1, 10_000).optional(),
  offset: int(0, 1_000_000).optional(),
});

const idParam = z.object({ id: z.string().regex(/^[1-9]\d{0,14}$/, 'not a highlight id').transform(Number) });

function unique(tags: string[] | undefined): string[] | undefined {
  return tags ? [...new Set(tags)] : undefined;
}

/** A stored highlight with what the UI needs to show it: its episode's name and a play link. */
export function highlightView(h: StoredHighlight, episode: EpisodeSummary | undefined) {
  return {
    ...h,
    episode: episode ? { id: episode.id, show: episode.show, number: episode.number, title: episode.title } : { id: h.episodeId, show: null, number: null, title: null },
    link: episode ? momentLink({ youtubeId: episode.youtubeId, mediaUrl: null }, h.start ?? 0) : null,
  };
}

export function highlightRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const summaries = () => new Map(ctx.library.listEpisodes().map((e) => [e.id, e]));

  app.get('/highlights', (c) => {
    const q = query(c, listQuery);
    const all = ctx.library.listHighlights({ episodeId: q.episode, tag: q.tag, text: q.q });
    const offset = q.offset ?? 0;
    const page = all.slice(offset, offset + (q.limit ?? 10_000));
    const episodes = summaries();
    const tags = [...new Set(ctx.library.listHighlights().flatMap((h) => h.tags))].sort((a, b) => a.localeCompare(b));
    return c.json({ total: all.length, offset, tags, highlights: page.map((h) => highlightView(h, episodes.get(h.episodeId))) });
  });

  app.post('/highlights', async (c) => {
    const body = await jsonBody(c, newHighlight);
    if (ctx.library.contentHash(body.episodeId) === null) throw new ApiError(400, `invalid body: episodeId: no episode ${body.episodeId} in the library`);
    const created = ctx.library.addHighlight({ ...body, text: body.text.trim(), tags: unique(body.tags) });
    ctx.caches.changed();
    return c.json(highlightView(created, summaries().get(created.episodeId)), 201, { Location: `/api/highlights/${created.id}` });
  });

  app.get('/highlights/:id', (c) => {
    const { id } = params(c, idParam);
    query(c, z.strictObject({}));
    const found = ctx.library.getHighlight(id);
    if (!found) throw new ApiError(404, `no highlight ${id}`);
    return c.json(highlightView(found, summaries().get(found.episodeId)));
  });

  app.patch('/highlights/:id', async (c) => {
    const { id } = params(c, idParam);
    const changes = await jsonBody(c, highlightChanges);
    const current = ctx.library.getHighlight(id);
    if (!current) throw new ApiError(404, `no highlight ${id}`);
    const start = changes.start !== undefined ? changes.start : current.start;
    const end = changes.end !== undefined ? changes.end : current.end;
    if (start !== null && end !== null && end < start) throw new ApiError(400, 'invalid body: end: end is before start');
    const { tags, text: newText, ...rest } = changes;
    const updated = ctx.library.updateHighlight(id, { ...rest, ...(newText !== undefined ? { text: newText.trim() } : {}), ...(tags ? { tags: unique(tags) } : {}) });
    if (!updated) throw new ApiError(404, `no highlight ${id}`);
    ctx.caches.changed();
    return c.json(highlightView(updated, summaries().get(updated.episodeId)));
  });

  app.delete('/highlights/:id', (c) => {
    const { id } = params(c, idParam);
    if (!ctx.library.deleteHighlight(id)) throw new ApiError(404, `no highlight ${id}`);
    ctx.caches.changed();
    return c.body(null, 204);
  });

  return app;
}
