// Search: the query text (which may hold its own filters, `speaker:"Lex Fridman"`) plus filters as parameters,
// paged. Snippets mark matched words with ** and escape a literal * as \*; the web app renders them as text.
import { Hono } from 'hono';
import { z } from 'zod';
import { parseQuery, MAX_QUERY_CHARS } from '../../search/query.js';
import type { ServerContext } from '../context.js';
import { flag, int, query, text } from '../validate.js';

/** YYYY, YYYY-MM or YYYY-MM-DD, as the query parser reads `after:`/`before:`. */
const date = z
  .string()
  .regex(/^\d{4}(-\d{1,2}(-\d{1,2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .transform((value) => {
    const [y, m = '1', d = '1'] = value.split('-');
    return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  })
  .refine((v) => {
    const [, m, d] = v.split('-').map(Number);
    return m! >= 1 && m! <= 12 && d! >= 1 && d! <= 31;
  }, 'not a date');

export const searchQuery = z.strictObject({
  q: text(MAX_QUERY_CHARS * 2).optional(),
  show: text(200).optional(),
  episode: text(300).optional(),
  speaker: text(200).optional(),
  after: date.optional(),
  before: date.optional(),
  limit: int(1, 100).optional(),
  offset: int(0, 10_000).optional(),
  ads: flag.optional(),
});

export function searchRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/search', (c) => {
    const q = query(c, searchQuery);
    const parsed = parseQuery(q.q ?? '');
    for (const name of ['show', 'episode', 'speaker', 'after', 'before'] as const) {
      const value = q[name]?.trim();
      if (value) parsed.filters[name] = value;
    }
    const limit = q.limit ?? 10;
    const offset = q.offset ?? 0;
    const empty = parsed.terms.length + parsed.phrases.length + parsed.prefixes.length === 0 && Object.keys(parsed.filters).length === 0;
    const key = JSON.stringify([parsed.terms, parsed.phrases, parsed.prefixes, parsed.excluded, parsed.filters, limit, offset, q.ads ?? false]);
    const page = empty
      ? { hits: [], more: false, warnings: parsed.warnings }
      : ctx.caches.search(key, () => {
          const found = ctx.library.search(parsed, { limit, offset, includeAds: q.ads ?? false });
          return { ...found, warnings: [...new Set([...parsed.warnings, ...found.warnings])] };
        });
    return c.json({ q: q.q ?? '', filters: parsed.filters, offset, limit, ...page });
  });
  return app;
}
