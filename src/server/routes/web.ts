// The web app: the HTML shell for every page the app has, and its assets by fixed name.
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { shellHtml, themeFrom, THEME_COOKIE } from '../../web/page.js';
import { assets, ENTRY, moduleNames } from '../assets.js';
import { ApiError } from '../errors.js';
import { episodeId, params, text } from '../validate.js';

async function shell(c: Context): Promise<Response> {
  const html = shellHtml({ theme: themeFrom(getCookie(c, THEME_COOKIE)), modules: await moduleNames(), entry: ENTRY });
  return c.html(html, 200, { 'Cache-Control': 'no-store' });
}

export function webRoutes(): Hono {
  const app = new Hono();
  app.get('/', shell);
  app.get('/search', shell);
  app.get('/highlights', shell);
  app.get('/episodes/:id', (c) => {
    params(c, z.object({ id: episodeId }));
    return shell(c);
  });
  app.get('/entities/:name', (c) => {
    params(c, z.object({ name: text(200).min(1) }));
    return shell(c);
  });
  app.get('/assets/:name', async (c) => {
    const name = c.req.param('name');
    const found = /^[a-z0-9-]+\.(js|css|svg)$/.test(name) ? (await assets()).get(name) : undefined;
    if (!found) throw new ApiError(404, 'no such asset');
    const headers = { ETag: found.etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    if (c.req.header('if-none-match') === found.etag) return c.body(null, 304, headers);
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.body(found.gzip, 200, { ...headers, 'Content-Type': found.type, 'Content-Encoding': 'gzip' });
    return c.body(found.body, 200, { ...headers, 'Content-Type': found.type });
  });
  return app;
}
