// Downloads: an episode as Markdown, Obsidian or Logseq page, Readwise CSV of its highlights, JSON, SRT or WebVTT;
// all of the user's highlights as Markdown, Obsidian or Logseq pages (a ZIP, one page per episode), Readwise CSV
// or JSON.
import { Hono } from 'hono';
import { z } from 'zod';
import { episodeGroup, groupStored, highlightsJson, highlightsMarkdown, type EpisodeInfo } from '../../export/highlights.js';
import { logseqPage, logseqPages } from '../../export/logseq.js';
import { toMarkdown } from '../../export/markdown.js';
import { obsidianPage, obsidianPages } from '../../export/obsidian.js';
import { readwiseCsv } from '../../export/readwise.js';
import { toSrt, toWebVtt } from '../../export/subtitles.js';
import type { ServerContext } from '../context.js';
import { episodeOr404 } from '../context.js';
import { fullJson } from '../cache.js';
import { zip } from '../zip.js';
import { episodeId, params, query } from '../validate.js';
import { listQuery } from './highlights.js';

export const EPISODE_FORMATS = ['markdown', 'obsidian', 'logseq', 'readwise', 'json', 'srt', 'vtt'] as const;
export const HIGHLIGHT_FORMATS = ['markdown', 'obsidian', 'logseq', 'readwise', 'json'] as const;

const TYPES = {
  md: 'text/markdown; charset=UTF-8',
  csv: 'text/csv; charset=UTF-8',
  json: 'application/json; charset=UTF-8',
  srt: 'application/x-subrip; charset=UTF-8',
  vtt: 'text/vtt; charset=UTF-8',
  zip: 'application/zip',
} as const;

/** The file name is built from an id that matched /^[A-Za-z0-9_-]+$/, never from untrusted text. */
function download(body: string | Uint8Array, ext: keyof typeof TYPES, base: string) {
  return {
    body,
    headers: { 'Content-Type': TYPES[ext], 'Content-Disposition': `attachment; filename="${base}.${ext}"`, 'Cache-Control': 'no-store' },
  };
}

export function exportRoutes(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get('/episodes/:id/export/:format', (c) => {
    const { id, format } = params(c, z.object({ id: episodeId, format: z.enum(EPISODE_FORMATS) }));
    query(c, z.strictObject({}));
    const cached = episodeOr404(ctx, id);
    const { episode } = cached;
    const base = `podsift-${id}`;
    const out = (() => {
      switch (format) {
        case 'markdown':
          return download(toMarkdown(episode), 'md', base);
        case 'obsidian':
          return download(obsidianPage(episodeGroup(episode)).text, 'md', `${base}-obsidian`);
        case 'logseq':
          return download(logseqPage(episodeGroup(episode)).text, 'md', `${base}-logseq`);
        case 'readwise':
          return download(readwiseCsv([episodeGroup(episode)]), 'csv', `${base}-readwise`);
        case 'json':
          return download(JSON.stringify(fullJson(cached), null, 2), 'json', base);
        case 'srt':
          return download(toSrt(episode), 'srt', base);
        case 'vtt':
          return download(toWebVtt(episode), 'vtt', base);
      }
    })();
    return c.body(typeof out.body === 'string' ? out.body : new Uint8Array(out.body), 200, out.headers);
  });

  app.get('/highlights/export/:format', (c) => {
    const { format } = params(c, z.object({ format: z.enum(HIGHLIGHT_FORMATS) }));
    const q = query(c, listQuery);
    const stored = ctx.library.listHighlights({ episodeId: q.episode, tag: q.tag, text: q.q });
    const infos = new Map<string, EpisodeInfo | null>();
    const episodeOf = (id: string): EpisodeInfo | null => {
      if (!infos.has(id)) infos.set(id, ctx.caches.episode(id)?.episode ?? null);
      return infos.get(id) ?? null;
    };
    const groups = groupStored(stored, episodeOf);
    const base = 'podsift-highlights';
    let out: ReturnType<typeof download>;
    switch (format) {
      case 'markdown':
        out = download(highlightsMarkdown(groups), 'md', base);
        break;
      case 'obsidian':
        out = download(zip(obsidianPages(groups).map((p) => ({ name: p.name, data: p.text }))), 'zip', `${base}-obsidian`);
        break;
      case 'logseq':
        out = download(zip(logseqPages(groups).map((p) => ({ name: `pages/${p.name}`, data: p.text }))), 'zip', `${base}-logseq`);
        break;
      case 'readwise':
        out = download(readwiseCsv(groups), 'csv', `${base}-readwise`);
        break;
      case 'json':
        out = download(JSON.stringify(highlightsJson(groups), null, 2), 'json', base);
        break;
    }
    return c.body(typeof out.body === 'string' ? out.body : new Uint8Array(out.body), 200, out.headers);
  });

  return app;
}
