// One engine of `npm run bench:search` in its own process, so that build time, index size and peak RSS are its own.
// Started by bench/search.ts as
//   node --import tsx --expose-gc --max-old-space-size=N bench/search/engine.ts <engine> --library DB --queries JSON
//        --tmp DIR --out FILE [--min-queries 2000] [--max-mean-ms 2000]
// or, to build a fresh podsift library and time it, `... engine.ts podsift-build --library DB --out FILE`.
// Writes an EngineReport (common.ts) as JSON to FILE; progress goes to stderr.
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { corpusLibrary } from '../lib/corpus-library.js';
import { loadQueries, percentile, reciprocalRank, summarize, type RankedSpan } from '../lib/known-item.js';
import { loadPassages, type EngineReport, type Passage } from './common.js';
import { ENGINES, makeEngine, type EngineName } from './engines.js';

const [name, ...rest] = process.argv.slice(2);
const flag = (key: string, fallback?: string): string => {
  const i = rest.indexOf(key);
  const value = i >= 0 ? rest[i + 1] : fallback;
  if (value === undefined) throw new Error(`missing ${key}`);
  return value;
};
const log = (message: string) => process.stderr.write(`  [${name}] ${message}\n`);
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const heapBytes = () => {
  global.gc?.();
  global.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

async function buildPodsift(): Promise<EngineReport> {
  const { library, path, seconds } = corpusLibrary({ path: flag('--library'), fresh: true });
  library.close();
  const db = new Database(path, { readonly: true });
  const row = db.prepare<[], { b: number | null }>("SELECT sum(pgsize) AS b FROM dbstat WHERE name LIKE 'passages\\_fts\\_%' ESCAPE '\\'").get();
  db.close();
  return {
    engine: 'podsift-build',
    scores: {},
    buildSeconds: seconds,
    indexBytes: row?.b ?? null,
    indexKind: 'disk: passages_fts_*',
    peakRssMb: peakRssMb(),
    evalMeanMs: 0,
    latency: null,
    notes: [],
  };
}

async function runEngine(engineName: EngineName): Promise<EngineReport> {
  const libraryPath = flag('--library');
  const queries = loadQueries(flag('--queries'));
  const minQueries = Number(flag('--min-queries', '2000'));
  const maxMeanMs = Number(flag('--max-mean-ms', '2000'));
  const notes: string[] = [];

  // podsift reads its own library; only the peers get the passages (so podsift's RSS is a searching process's).
  let passages: Passage[] | null = engineName === 'podsift' ? null : loadPassages(libraryPath);
  const spans = new Map<number, RankedSpan>((passages ?? []).map((p) => [p.id, { youtubeId: p.youtubeId, start: p.start, end: p.end }]));
  const engine = await makeEngine(engineName, { libraryPath, tmpDir: flag('--tmp'), spans });
  const heapBefore = heapBytes();
  log(passages ? `building (${passages.length} passages)` : 'opening');
  const started = performance.now();
  await engine.build(passages ?? []);
  const buildSeconds = (performance.now() - started) / 1000;
  const heapAfter = heapBytes(); // the passages are still referenced: the growth is the index
  passages = null;
  const disk = engine.disk?.();
  log(`built in ${buildSeconds.toFixed(1)} s; evaluating ${queries.length} queries`);

  // The evaluation pass: ranks for the scores, and the warm-up of the latency loop.
  const rr: number[] = [];
  let evalMs = 0;
  for (const q of queries) {
    const t = performance.now();
    const ranked = await engine.search(q.query);
    evalMs += performance.now() - t;
    rr.push(reciprocalRank(q, ranked));
  }
  const evalMeanMs = evalMs / queries.length;

  let latency: EngineReport['latency'] = null;
  if (evalMeanMs > maxMeanMs) {
    notes.push(`latency loop skipped: ${evalMeanMs.toFixed(0)} ms per query on average (> ${maxMeanMs} ms)`);
  } else {
    const passes = Math.ceil(minQueries / queries.length);
    log(`eval mean ${evalMeanMs.toFixed(1)} ms; latency loop: ${passes} x ${queries.length} queries`);
    const ms: number[] = [];
    for (let pass = 0; pass < passes; pass++) {
      for (const q of queries) {
        const t = performance.now();
        await engine.search(q.query);
        ms.push(performance.now() - t);
      }
    }
    latency = { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
  }
  engine.close?.();
  return {
    engine: engineName,
    scores: summarize(queries, rr),
    buildSeconds: engine.needsPassages ? buildSeconds : null,
    indexBytes: disk ? disk.bytes : heapAfter - heapBefore,
    indexKind: disk ? disk.kind : global.gc ? 'heap: growth of heapUsed + external over the build, after GC' : 'heap (no --expose-gc: rough)',
    peakRssMb: peakRssMb(),
    evalMeanMs,
    latency,
    notes,
  };
}

if (name === 'podsift-build') {
  writeFileSync(flag('--out'), JSON.stringify(await buildPodsift()));
} else if ((ENGINES as readonly string[]).includes(name ?? '')) {
  writeFileSync(flag('--out'), JSON.stringify(await runEngine(name as EngineName)));
} else {
  throw new Error(`unknown engine ${name}; one of podsift-build, ${ENGINES.join(', ')}`);
}
