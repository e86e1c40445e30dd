// The HTTP app: security first (headers, Host, token, same-origin writes), then the API under /api and the web app.
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { DEFAULT_MAX_BYTES } from '../formats/decode.js';
import type { Library } from '../store/library.js';
import { Caches, type CacheOptions } from './cache.js';
import type { ServerContext } from './context.js';
import { errorResponse, onError } from './errors.js';
import { openApiDocument } from './openapi.js';
import { entityRoutes } from './routes/entities.js';
import { episodeRoutes } from './routes/episodes.js';
import { exportRoutes } from './routes/exports.js';
import { highlightRoutes } from './routes/highlights.js';
import { searchRoutes } from './routes/search.js';
import { uploadRoutes } from './routes/uploads.js';
import { webRoutes } from './routes/web.js';
import { hostCheck, sameOriginWrites, securityHeaders, tokenAuth } from './security.js';

export interface AppOptions {
  library: Library;
  /** When set, every request must carry it. */
  token?: string | null;
  maxUploadBytes?: number;
  /** Where uploads are kept (default: `uploads/` beside the library file). */
  uploadsDir?: string;
  enrichUploads?: boolean;
  cache?: CacheOptions;
  log?: (line: string) => void;
}

export function createApp(options: AppOptions): Hono {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const ctx: ServerContext = {
    library: options.library,
    caches: new Caches(options.library, options.cache),
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_BYTES,
    uploadsDir: options.uploadsDir ?? join(dirname(options.library.location), 'uploads'),
    enrichUploads: options.enrichUploads ?? true,
    log,
  };
  const token = options.token ?? null;

  const app = new Hono();
  app.onError(onError(log));
  app.notFound((c) => errorResponse(c, 404, `no route ${c.req.method} ${c.req.path.slice(0, 200)}`));
  app.use(securityHeaders());
  app.use(hostCheck({ token }));
  app.use(tokenAuth({ token }));
  app.use(sameOriginWrites());
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => errorResponse(c, 405, `${c.req.method} is not allowed here (allowed: ${methods.join(', ')})`, {}, { Allow: methods.join(', ') }),
    }),
  );

  const api = new Hono();
  api.get('/openapi.json', (c) => c.json(openApiDocument));
  api.route('/', episodeRoutes(ctx));
  api.route('/', searchRoutes(ctx));
  api.route('/', highlightRoutes(ctx));
  api.route('/', exportRoutes(ctx));
  api.route('/', entityRoutes(ctx));
  api.route('/', uploadRoutes(ctx));
  app.route('/api', api);
  app.route('/', webRoutes());
  return app;
}
