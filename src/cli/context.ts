// What every command shares: printing, opening the library, errors a user can act on.
import type { Command } from 'commander';
import type { Library } from '../store/library.js';
import { libraryPath, openLibrary } from '../store/open.js';
import { safe } from './render.js';

/** A failure the user can act on: printed as one line (no stack), with this exit code. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function printJson(value: unknown): void {
  print(JSON.stringify(value, null, 2));
}

export function withLibrary<T>(command: Command, fn: (library: Library) => T): T {
  const options = command.optsWithGlobals<{ library?: string }>();
  let library: Library;
  try {
    library = openLibrary(options.library);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot open library ${libraryPath(options.library)}: ${reason}`);
  }
  let result: T;
  try {
    result = fn(library);
  } catch (error) {
    library.close();
    throw error;
  }
  if (result instanceof Promise) return result.finally(() => library.close()) as T;
  library.close();
  return result;
}

export function resolveOrFail(library: Library, ref: string): string {
  const found = library.resolveEpisode(ref);
  if (found.ok) return found.id;
  const candidates = found.candidates.map((c) => `\n  ${c.id}  ${safe(c.title ?? '')}`).join('');
  throw new UsageError(`${found.reason}${candidates}`, 1);
}
