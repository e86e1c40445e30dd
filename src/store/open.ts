import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import envPaths from 'env-paths';
import type { Library } from './library.js';
import { SqliteLibrary } from './sqlite/sqlite-library.js';

/**
 * Where the library lives: --library PATH, else $PODSIFT_LIBRARY, else podsift's folder in the user's data directory
 * ($XDG_DATA_HOME/podsift on Linux, ~/Library/Application Support/podsift on macOS, %LOCALAPPDATA%\podsift on Windows).
 */
export function libraryPath(explicit?: string): string {
  const chosen = explicit ?? process.env.PODSIFT_LIBRARY;
  if (chosen) return resolve(chosen);
  return join(envPaths('podsift', { suffix: '' }).data, 'library.db');
}

export function openLibrary(explicit?: string): Library {
  const path = libraryPath(explicit);
  mkdirSync(dirname(path), { recursive: true });
  return new SqliteLibrary(path);
}
