// What every route file gets: the library, the caches in front of it, and the server's limits.
import type { Library } from '../store/library.js';
import type { Caches } from './cache.js';
import { ApiError } from './errors.js';
import type { CachedEpisode } from './cache.js';

export interface ServerContext {
  library: Library;
  caches: Caches;
  /** Largest upload, in bytes (the readers' own limit by default). */
  maxUploadBytes: number;
  /** Where uploaded files are kept: `<library dir>/uploads`. */
  uploadsDir: string;
  /** Enrich episodes changed by an upload (off in some tests, for speed). */
  enrichUploads: boolean;
  log(line: string): void;
}

export function episodeOr404(ctx: ServerContext, id: string, options: { keep?: boolean } = {}): CachedEpisode {
  const found = ctx.caches.episode(id, options);
  if (!found) throw new ApiError(404, `no episode ${id} in the library`);
  return found;
}
