// Where the shared real data lives (../shared from the repository root), and whether this run has it.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const SHARED = resolve(process.env.PODSIFT_SHARED ?? join(ROOT, '..', 'shared'));
export const HAVE_SHARED = existsSync(join(SHARED, 'seeds')) && existsSync(join(SHARED, 'corpus', 'lexicap'));
/** Pass as a test option: `it('…', { skip: SKIP }, …)`. */
export const SKIP: string | false = HAVE_SHARED ? false : `no shared data at ${SHARED}`;

export const SEEDS = join(SHARED, 'seeds');
export const CORPUS = join(SHARED, 'corpus', 'lexicap');
export const EVAL = join(SHARED, 'eval');

export function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}* in ${SEEDS}`);
  return join(SEEDS, name);
}

export const REPO_ROOT = ROOT;
