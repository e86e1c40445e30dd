// Everything about adding one file that needs no library: size check, read, hash, format reader, fingerprint.
// Runs on a worker thread during large adds (src/ingest/worker-pool.ts), so its output must be plain data.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { EpisodeFragment } from '../model/episode.js';
import { InputError } from '../model/errors.js';
import { contentFingerprint } from '../model/identity.js';
import { DEFAULT_MAX_BYTES, formatBytes } from '../formats/decode.js';
import { buildPassages } from '../search/passages.js';
import { contentStems } from '../text/words.js';
import { encodeTurns } from '../store/transcript-codec.js';
import { readSource, type ReadOptions } from './read-source.js';

export interface PrepareInput extends ReadOptions {
  path: string;
  size: number;
  /** Hash of the version of this path already in the library: an unchanged file is not read further. */
  storedHash?: string;
}

export type Prepared =
  | { kind: 'unchanged'; hash: string }
  | {
      kind: 'read';
      hash: string;
      size: number;
      format: string;
      fragment: EpisodeFragment;
      fingerprint: number[];
      passageStems: Map<string, string>;
      encodedTurns?: Uint8Array;
    }
  | { kind: 'failed'; error: string };

export function prepareFile(input: PrepareInput): Prepared {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    if (input.size > maxBytes) {
      throw new InputError(`file is ${formatBytes(input.size)}, over the ${formatBytes(maxBytes)} size limit (--max-size)`);
    }
    const bytes = readFileSync(input.path);
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (hash === input.storedHash) return { kind: 'unchanged', hash };
    const { format, fragment } = readSource(bytes, basename(input.path), input);
    const turns = fragment.transcript?.turns ?? [];
    return {
      kind: 'read',
      hash,
      size: bytes.length,
      format,
      fragment,
      fingerprint: contentFingerprint(fragment),
      passageStems: passageStemsOf(fragment),
      ...(turns.length > 0 ? { encodedTurns: encodeTurns(turns) } : {}),
    };
  } catch (error) {
    if (error instanceof InputError) return { kind: 'failed', error: error.message };
    if (isSystemError(error)) return { kind: 'failed', error: systemReason(error) };
    throw error;
  }
}

/**
 * The search stems of the passages this fragment would have as an episode of its own (the usual case), so the
 * main thread finds them ready; it computes any passage not found here.
 */
function passageStemsOf(fragment: EpisodeFragment): Map<string, string> {
  const stems = new Map<string, string>();
  for (const p of buildPassages(fragment.transcript?.turns ?? [], fragment.chapters ?? [])) stems.set(p.text, contentStems(p.text).join(' '));
  return stems;
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** A file-system error as a short reason ("permission denied"). */
export function systemReason(error: unknown): string {
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
