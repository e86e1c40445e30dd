import { readdirSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../model/errors.js';
import type { AddStatus, Library } from '../store/library.js';
import { systemReason, type PrepareInput, type Prepared } from './prepare-file.js';
import type { ReadOptions } from './read-source.js';
import { enrichLibrary } from './enrich.js';
import { mapAhead, workerCount, WorkerPool } from './worker-pool.js';

/** Extensions taken when walking a directory; files named explicitly are always tried, whatever their name. */
const TRANSCRIPT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.vtt', '.webvtt', '.srt', '.json', '.html', '.htm']);
/** A folder's own paperwork, skipped when walking it (still read when named explicitly). */
const PAPERWORK = /^(readme|license|licence|changelog|contributing|copying|authors|notice)(\.|$)|^package(-lock)?\.json$/i;

export interface FileResult {
  path: string;
  ok: boolean;
  format?: string;
  episode?: string;
  status?: AddStatus;
  duplicateOf?: string;
  turns?: number;
  chapters?: number;
  highlights?: number;
  bytes?: number;
  error?: string;
}

export interface Progress {
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
  current: string;
}

export interface AddOptions extends ReadOptions {
  /** Worker threads reading ahead; by default one per spare core when the add is large enough to gain from it. */
  workers?: number;
  onProgress?: (progress: Progress) => void;
  onFile?: (result: FileResult) => void;
}

interface Candidate {
  path: string;
  size: number;
}

/** Expands files, directories (recursively, transcript extensions only, hidden entries skipped) and globs. */
export function expandInputs(inputs: string[]): { files: Candidate[]; failures: FileResult[] } {
  const files = new Map<string, Candidate>();
  const failures: FileResult[] = [];
  const addFile = (path: string, stats: Stats) => {
    if (!files.has(path)) files.set(path, { path, size: stats.size });
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && TRANSCRIPT_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !PAPERWORK.test(entry.name)) {
        addFile(path, statSync(path));
      }
    }
  };
  for (const input of inputs) {
    const path = resolve(input);
    let stats: Stats | undefined;
    try {
      stats = statSync(path);
    } catch {
      stats = undefined;
    }
    try {
      if (stats?.isDirectory()) walk(path);
      else if (stats?.isFile()) addFile(path, stats);
      else if (stats) failures.push({ path, ok: false, error: 'not a regular file' });
      else if (isDynamicPattern(input)) {
        const matches = globSync(input, { absolute: true, onlyFiles: true, dot: false });
        if (matches.length === 0) failures.push({ path: input, ok: false, error: 'pattern matches no files' });
        for (const match of matches.sort()) addFile(resolve(match), statSync(match));
      } else failures.push({ path, ok: false, error: 'no such file or directory' });
    } catch (error) {
      failures.push({ path, ok: false, error: systemReason(error) });
    }
  }
  return { files: [...files.values()], failures };
}

/** Below this much work a worker thread costs more to start than it saves. */
const WORKER_MIN_FILES = 8;
const WORKER_MIN_BYTES = 2 * 1024 * 1024;
/** Files read ahead of the one being stored: enough to keep the workers busy, few enough to bound memory. */
const READ_AHEAD = 4;

/**
 * Adds files to the library one at a time, each in its own transaction: a failure is reported and the rest go in;
 * a killed process leaves every finished file in place. In large adds, worker threads read and parse the next
 * files while this thread stores the current one.
 */
export function addFiles(library: Library, inputs: string[], options: AddOptions = {}): FileResult[] {
  const { files, failures } = expandInputs(inputs);
  const results: FileResult[] = [...failures];
  for (const failure of failures) options.onFile?.(failure);
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  const large = files.length >= WORKER_MIN_FILES && totalBytes >= WORKER_MIN_BYTES;
  const pool = new WorkerPool(options.workers ?? (large ? workerCount(2, true) : 0));
  try {
    const toInput = (file: Candidate): PrepareInput => ({
      path: file.path,
      size: file.size,
      storedHash: library.findSource(file.path)?.hash,
      ...(options.format !== undefined ? { format: options.format } : {}),
      ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    });
    const prepared = mapAhead(pool, files, 'prepare', toInput, READ_AHEAD);
    let bytes = 0;
    files.forEach((file, i) => {
      options.onProgress?.({ done: i, total: files.length, bytes, totalBytes, current: file.path });
      const result = store(library, file, prepared.next().value as Prepared);
      bytes += file.size;
      results.push(result);
      options.onFile?.(result);
    });
    options.onProgress?.({ done: files.length, total: files.length, bytes, totalBytes, current: '' });
  } finally {
    pool.close();
  }
  settleEpisodes(library, results);
  return results;
}

/**
 * What follows a batch of files, for the CLI and for uploads alike: the search vocabulary's spelling keys and
 * document frequencies refreshed for the new words, then the episodes the batch added to or replaced in enriched
 * (unless `enrich` is false). Returns those episodes.
 */
export function finishBatch(library: Library, results: readonly { status?: string; episode?: string | null }[], options: { enrich: boolean }): string[] {
  const changed = [...new Set(results.filter((r) => r.status === 'added' || r.status === 'replaced').map((r) => r.episode!))];
  if (changed.length > 0) library.maintain();
  if (changed.length > 0 && options.enrich) enrichLibrary(library, changed);
  return changed;
}

/**
 * Points each result at the episode its file is in now: a later file can join two episodes into one, and the
 * id an earlier file got then only names an alias (enriching it would find no episode).
 */
export function settleEpisodes(library: Library, results: { ok: boolean; episode?: string | null }[]): void {
  for (const r of results) {
    const found = r.ok && r.episode ? library.resolveEpisode(r.episode) : null;
    if (found?.ok) r.episode = found.id;
  }
}

function store(library: Library, file: Candidate, prepared: Prepared): FileResult {
  const base: FileResult = { path: file.path, ok: false, bytes: file.size };
  if (prepared.kind === 'failed') return { ...base, error: prepared.error };
  if (prepared.kind === 'unchanged') {
    const stored = library.findSource(file.path);
    return { ...base, ok: true, status: 'unchanged', format: stored?.format, episode: stored?.episodeId };
  }
  const { hash, size, format, fragment, fingerprint, passageStems, encodedTurns } = prepared;
  try {
    const outcome = library.addSource({ path: file.path, hash, size, format, fragment, fingerprint, passageStems, encodedTurns });
    return {
      ...base,
      ok: true,
      format,
      status: outcome.status,
      episode: outcome.episodeId,
      ...(outcome.duplicateOf ? { duplicateOf: outcome.duplicateOf } : {}),
      turns: fragment.transcript?.turns.length ?? 0,
      chapters: fragment.chapters?.length ?? 0,
      highlights: fragment.highlights?.length ?? 0,
    };
  } catch (error) {
    if (error instanceof InputError) return { ...base, error: error.message };
    if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string') return { ...base, error: systemReason(error) };
    throw error;
  }
}
