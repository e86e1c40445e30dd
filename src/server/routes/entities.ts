// An entity (person, book, company…): every episode that mentions it, when, and the key moments around it.
import { Hono } from 'hono';
import { z } from 'zod';
import { momentLink } from '../../model/links.js';
import { partialJson } from '../cache.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { params, query, text } from '../validate.js';

/** Moments are looked up in at most this many episodes (each read from the library). */
const MOMENT_EPISODES = 40;

export function entityRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/entities/:name', (c) => {
    const { name } = params(c, z.object({ name: text(200).refine((n) => n.trim().length > 0, 'empty name') }));
    query(c, z.strictObject({}));
    const mentions = ctx.library.findMentions(name.trim());
    const byEpisode = new Map<string, typeof mentions>();
    for (const m of mentions) byEpisode.set(m.episodeId, [...(byEpisode.get(m.episodeId) ?? []), m]);
    const summaries = new Map(ctx.library.listEpisodes().map((e) => [e.id, e]));
    const episodes = [...byEpisode.entries()].map(([id, list]) => {
      const e = summaries.get(id);
      const times = [...new Set(list.flatMap((m) => m.times))].sort((a, b) => a - b);
      return {
        episode: { id, show: e?.show ?? null, number: e?.number ?? null, title: e?.title ?? list[0]!.title },
        names: [...new Set(list.map((m) => m.name))],
        kind: list.find((m) => m.kind)?.kind ?? null,
        times: times.map((t) => ({ start: t, link: e ? momentLink({ youtubeId: e.youtubeId, mediaUrl: null }, t) : null })),
      };
    });
    const needles = [name.trim(), ...new Set(mentions.map((m) => m.name))].map((n) => n.toLowerCase()).filter((n) => n.length > 1);
    const moments = [];
    for (const entry of episodes.slice(0, MOMENT_EPISODES)) {
      const cached = ctx.caches.episode(entry.episode.id);
      if (!cached) continue;
      for (const m of partialJson(cached.episode).moments) {
        const said = `${m.title} ${m.summary} ${m.quote}`.toLowerCase();
        const near = entry.times.some((t) => t.start >= m.start - 5 && t.start <= m.end + 5);
        if (near || needles.some((n) => said.includes(n))) moments.push({ episode: entry.episode, ...m });
      }
    }
    if (episodes.length === 0) throw new ApiError(404, `no episode mentions ${name.trim()}`, { name: name.trim(), episodes: [], moments: [] });
    return c.json({ name: mentions[0]?.name ?? name.trim(), kind: mentions.find((m) => m.kind)?.kind ?? null, episodes, moments });
  });
  return app;
}
