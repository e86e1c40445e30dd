// Adding files by upload. The body is the file (`?name=` gives its name) or multipart form data with `file` fields.
// Names are untrusted: a name with a path in it is refused, and a file is stored under
// `<library dir>/uploads/<sha256>/<cleaned name>`, never where its name points, so the same bytes land in the same
// place and re-uploading them changes nothing. Each file is added like `podsift add` adds it; errors are per file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { formatBytes } from '../../formats/decode.js';
import { addFiles, finishBatch, settleEpisodes, type FileResult } from '../../ingest/add-files.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { check, query, text } from '../validate.js';

/** A file name as a browser sends it: no folders, nothing that walks out of a directory. */
export const uploadName = text(255).refine((n) => n.trim().length > 0 && !/[/\\]/.test(n) && n.trim() !== '.' && n.trim() !== '..', 'must be a plain file name, not a path');

/** The name a file is stored under: letters, digits, `.`, `-`, `_`, spaces and parentheses, no leading dot. */
export function storedName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._() -]+/gu, '_')
    .replace(/^[.\s_]+/, '')
    .trim();
  if (!cleaned) return 'upload';
  if (cleaned.length <= 120) return cleaned;
  const ext = /\.[A-Za-z0-9]{1,10}$/.exec(cleaned)?.[0] ?? '';
  return cleaned.slice(0, 120 - ext.length) + ext;
}

export interface UploadResult {
  path: string;
  ok: boolean;
  format: string | null;
  episode: string | null;
  status?: string;
  turns?: number;
  chapters?: number;
  highlights?: number;
  error?: string;
}

function view(name: string, r: FileResult): UploadResult {
  return {
    path: name,
    ok: r.ok,
    format: r.format ?? null,
    episode: r.episode ?? null,
    ...(r.ok ? { status: r.status, turns: r.turns, chapters: r.chapters, highlights: r.highlights } : { error: webError(r.error ?? 'failed') }),
  };
}

/** The readers' errors speak to the CLI; an upload has no `--format` to choose with. */
function webError(error: string): string {
  return error.replace(/\s*\(use --format to choose one\)/, '');
}

export function uploadRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const root = resolve(ctx.uploadsDir);

  const store = (name: string, bytes: Uint8Array): UploadResult => {
    if (bytes.length > ctx.maxUploadBytes) {
      return { path: name, ok: false, format: null, episode: null, error: `file is ${formatBytes(bytes.length)}, over the ${formatBytes(ctx.maxUploadBytes)} size limit` };
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    const file = resolve(root, hash, storedName(name));
    if (!file.startsWith(root + sep)) throw new ApiError(400, 'invalid upload name');
    mkdirSync(join(root, hash), { recursive: true });
    if (!existsSync(file)) writeFileSync(file, bytes, { flag: 'wx' });
    const [result] = addFiles(ctx.library, [file], { maxBytes: ctx.maxUploadBytes });
    return view(name, result ?? { path: file, ok: false, error: 'not added' });
  };

  const finish = (results: UploadResult[]) => {
    // Each file went in on its own: a later one may have joined the episode of an earlier one to another.
    settleEpisodes(ctx.library, results);
    finishBatch(ctx.library, results, { enrich: ctx.enrichUploads });
    ctx.caches.changed();
    const failed = results.filter((r) => !r.ok);
    if (results.length > 0 && failed.length === results.length) {
      throw new ApiError(422, failed.length === 1 ? `${failed[0]!.path}: ${failed[0]!.error}` : `none of the ${failed.length} files could be added`, { results });
    }
    return { results };
  };

  const limit = (extra: number) =>
    bodyLimit({
      maxSize: ctx.maxUploadBytes + extra,
      onError: () => {
        throw new ApiError(413, `upload is over the ${formatBytes(ctx.maxUploadBytes)} size limit`);
      },
    });

  app.post('/uploads', limit(1024 * 1024), async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/x-www-form-urlencoded') throw new ApiError(415, 'send the file as the body (with ?name=) or as multipart/form-data');
    if (type === 'multipart/form-data') {
      query(c, z.strictObject({}));
      let form: Record<string, unknown>;
      try {
        form = await c.req.parseBody({ all: true });
      } catch {
        throw new ApiError(400, 'invalid multipart body');
      }
      const files = ([] as unknown[]).concat(form.file ?? []).filter((f): f is File => f instanceof File);
      if (files.length === 0) throw new ApiError(400, 'no file fields in the form (name them "file")');
      if (files.length > 100) throw new ApiError(400, 'at most 100 files per upload');
      const results: UploadResult[] = [];
      for (const f of files) {
        const name = uploadName.safeParse(f.name);
        if (!name.success) {
          results.push({ path: f.name.slice(0, 255), ok: false, format: null, episode: null, error: 'upload name must be a plain file name, not a path' });
          continue;
        }
        results.push(store(name.data, new Uint8Array(await f.arrayBuffer())));
      }
      return c.json(finish(results));
    }
    const q = query(c, z.strictObject({ name: z.string() }));
    const name = check(uploadName, q.name, 'query').trim();
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length > ctx.maxUploadBytes) throw new ApiError(413, `upload is over the ${formatBytes(ctx.maxUploadBytes)} size limit`);
    return c.json(finish([store(name, bytes)]));
  });

  return app;
}
