import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../model/errors.js';
import { DEFAULT_MAX_BYTES, formatBytes } from '../formats/decode.js';
import type { AddStatus, Library } from '../store/library.js';
import { readSource, type ReadOptions } from './read-source.js';

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

/**
 * Adds files to the library one at a time, each in its own transaction: a failure is reported and the rest go in;
 * a killed process leaves every finished file in place.
 */
export function addFiles(library: Library, inputs: string[], options: AddOptions = {}): FileResult[] {
  const { files, failures } = expandInputs(inputs);
  const results: FileResult[] = [...failures];
  for (const failure of failures) options.onFile?.(failure);
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  let bytes = 0;
  files.forEach((file, i) => {
    options.onProgress?.({ done: i, total: files.length, bytes, totalBytes, current: file.path });
    const result = addOne(library, file, options);
    bytes += file.size;
    results.push(result);
    options.onFile?.(result);
  });
  options.onProgress?.({ done: files.length, total: files.length, bytes, totalBytes, current: '' });
  return results;
}

function addOne(library: Library, file: Candidate, options: AddOptions): FileResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const base: FileResult = { path: file.path, ok: false, bytes: file.size };
  try {
    if (file.size > maxBytes) {
      throw new InputError(`file is ${formatBytes(file.size)}, over the ${formatBytes(maxBytes)} size limit (--max-size)`);
    }
    const bytes = readFileSync(file.path);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const stored = library.findSource(file.path);
    if (stored && stored.hash === hash) {
      return { ...base, ok: true, status: 'unchanged', format: stored.format, episode: stored.episodeId };
    }
    const { format, fragment } = readSource(bytes, basename(file.path), options);
    const outcome = library.addSource({ path: file.path, hash, size: bytes.length, format, fragment });
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
    if (isSystemError(error)) return { ...base, error: systemReason(error) };
    throw error;
  }
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function systemReason(error: unknown): string {
  if (!isSystemError(error)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return `${error.code}: ${error.message}`;
  }
}
