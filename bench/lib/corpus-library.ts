// A library of the whole corpus for evaluations and benchmarks, built once and reused (rebuilt with --fresh or
// when the code's schema changes).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { addFiles } from '../../src/ingest/add-files.js';
import { migrations } from '../../src/store/sqlite/migrations.js';
import { SqliteLibrary } from '../../src/store/sqlite/sqlite-library.js';
import { TRANSCRIPT_CODEC_VERSION } from '../../src/store/transcript-codec.js';

export const SHARED = resolve(process.env.PODSIFT_SHARED ?? join(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared'));
export const CORPUS = join(SHARED, 'corpus', 'lexicap');
export const EVAL = join(SHARED, 'eval');

export function corpusLibrary(options: { fresh?: boolean; enrich?: boolean; path?: string } = {}): { library: SqliteLibrary; path: string; built: boolean; seconds: number } {
  const dir = join(tmpdir(), 'podsift-eval');
  mkdirSync(dir, { recursive: true });
  // Keyed by the schema, so a library built by an older schema is never reused.
  const schema = createHash('sha256').update(migrations.join('\n') + `\ncodec ${TRANSCRIPT_CODEC_VERSION}`).digest('hex').slice(0, 10);
  const path = options.path ?? join(dir, `corpus-${schema}.db`);
  if (options.fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const built = !existsSync(path);
  const started = performance.now();
  const library = new SqliteLibrary(path);
  if (built) {
    const failed = addFiles(library, [CORPUS]).filter((r) => !r.ok);
    if (failed.length) throw new Error(`corpus files failed: ${failed.map((f) => `${f.path}: ${f.error}`).join('; ')}`);
    library.maintain();
  }
  return { library, path, built, seconds: (performance.now() - started) / 1000 };
}
