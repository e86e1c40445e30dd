// npm run bench:search-typos [-- --library DB] [-- --engines podsift,fts5,minisearch-fuzzy]
// Robustness to typos in the query: each keyword query of ../shared/eval/known-item-dev.json is typed again with one
// typo in its longest word (a letter dropped, two letters swapped, a vowel changed; in the middle of the word, so
// the result is deterministic), and every engine is scored on the right moment as in `bench:search` (R@10, MRR).
// The same passages for every engine; the library is the shared eval library unless --library names one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusLibrary, EVAL } from './lib/corpus-library.js';
import { loadQueries, reciprocalRank } from './lib/known-item.js';
import { loadPassages } from './search/common.js';
import { ENGINES, makeEngine, type EngineName } from './search/engines.js';
import { TYPOS, withTypo } from './lib/typos.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const engines = (option('--engines')?.split(',') ?? ['podsift', 'fts5', 'minisearch-fuzzy']) as EngineName[];
for (const e of engines) if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e} (one of ${ENGINES.join(', ')})`);

let libraryPath = option('--library');
if (!libraryPath) {
  const { library, path } = corpusLibrary();
  library.close();
  libraryPath = path;
}
const queries = loadQueries(join(EVAL, 'known-item-dev.json')).filter((q) => q.type === 'keywords');
const passages = loadPassages(libraryPath);
const spans = new Map(passages.map((p) => [p.id, { youtubeId: p.youtubeId, start: p.start, end: p.end }]));
const tmpDir = mkdtempSync(join(tmpdir(), 'podsift-typos-'));
const rows: string[] = [];
try {
  for (const name of engines) {
    process.stderr.write(`  [${name}] building\n`);
    const engine = await makeEngine(name, { libraryPath, tmpDir, spans });
    if (engine.needsPassages) await engine.build(passages);
    const cells: string[] = [];
    for (const typo of Object.values(TYPOS)) {
      let found = 0;
      let rr = 0;
      for (const q of queries) {
        const r = reciprocalRank(q, await engine.search(withTypo(q.query, typo)));
        rr += r;
        if (r > 0) found++;
      }
      cells.push(`${(found / queries.length).toFixed(2)}/${(rr / queries.length).toFixed(2)}`);
    }
    engine.close?.();
    rows.push(`| ${name} | ${cells.join(' | ')} |`);
  }
} finally {
  rmSync(tmpDir, { recursive: true, force: true });
}
console.log(`\nbench:search-typos: ${queries.length} keyword dev queries, one typo in the longest word (R@10 / MRR)\n`);
console.log(`| engine | ${Object.keys(TYPOS).join(' | ')} |`);
console.log(`|:--|${Object.keys(TYPOS).map(() => '--:').join('|')}|`);
for (const row of rows) console.log(row);
