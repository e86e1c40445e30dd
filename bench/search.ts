// npm run bench:search [-- --quick] [-- --engines podsift,fts5,...] [-- --library DB | --reuse] [-- --min-queries N]
//
// podsift's search side by side with the JavaScript search libraries people reach for, on the same passages and the
// known-item dev queries (../shared/eval/known-item-dev.json, 90 queries: 30 keywords, 30 paraphrase, 30 question).
//
// How it runs. By default a fresh podsift library of the whole corpus is built (in its own process, timed: that is
// podsift's "build s", a full ingest: reading the 319 transcript files, making passages, indexing them) at
// $TMPDIR/podsift-bench-search/corpus.db (kept for reruns: --library that path). --reuse takes the shared eval
// library instead ($TMPDIR/podsift-eval/corpus.db, built if missing; podsift's build is then not measured). Every
// peer then indexes exactly that library's passages (`text`, and `context` = episode title + guests + chapter title
// as a second field boosted 2x like a title field, where the engine takes boosts). Each engine runs in its own child
// process (bench/search/engine.ts), so build time, index size and peak RSS are its own.
//
// How to read the table.
//   R@1, R@10, MRR    overall Recall@1, Recall@10 and mean reciprocal rank (top 10) on the 90 dev queries; a hit is
//                     a result from the right episode overlapping the answer's span ±30 s (bench/lib/known-item.ts).
//   kw / para / q     R@10/MRR on the keywords, paraphrase and question queries (30 each).
//   build s           index build time (podsift: the full ingest of the corpus, see above; peers: indexing passages
//                     already in memory).
//   index MB          SQLite engines: the FTS5 index tables on disk, without stored text (podsift's table is
//                     contentless; its passages table holds the text). In-memory engines: heap growth over the
//                     build after GC (no document fields are stored).
//   RSS MB            the process's peak RSS (process.resourceUsage().maxRSS): for peers that includes holding every
//                     passage in memory while indexing; for podsift it is a searching process (no build).
//   p50/p95/p99 ms    in-process latency of one query, from the typed string to the top 10, over the 90 dev
//                     queries repeated to >= 2,000 (--quick: 270), after a warm-up pass (the scoring pass). An engine
//                     averaging > 2 s per query in the scoring pass skips the loop (the note gives its mean).
// Below the table: what each engine was given, notes, the cold CLI timing (`node dist/cli/main.js --library DB
// search --json -- "<query>"`, spawned once per query for 20 dev queries, after one untimed run to warm the page
// cache; dist/ is rebuilt first when a file under src/ is newer than it), and podsift's targets from the issue.
// Peers receive the query's words without podsift's stopwords (bench/search/common.ts peerWords) with OR semantics.
// The machine is shared: latency and build times move with other work on it; compare within one run.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusLibrary, EVAL } from './lib/corpus-library.js';
import { loadQueries, percentile, type Scores } from './lib/known-item.js';
import type { EngineReport } from './search/common.js';
import { DESCRIPTIONS, ENGINES, type EngineName } from './search/engines.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const has = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = has('--quick');
const engines = (option('--engines')?.split(',') ?? [...ENGINES]) as EngineName[];
for (const e of engines) if (!(ENGINES as readonly string[]).includes(e)) throw new Error(`unknown engine ${e} (${ENGINES.join(', ')})`);
const minQueries = Number(option('--min-queries') ?? (quick ? 270 : 2000));
const coldQueries = quick ? 5 : 20;
const timeoutMs = Number(option('--timeout-min') ?? 45) * 60_000;
const heapMb = Math.min(16_384, Math.floor((totalmem() / 2 ** 20) * 0.6));
const queriesPath = join(EVAL, 'known-item-dev.json');
const queries = loadQueries(queriesPath);
const scratch = mkdtempSync(join(tmpdir(), 'podsift-bench-search-'));
const log = (message: string) => process.stderr.write(`${message}\n`);

interface Outcome {
  report?: EngineReport;
  failure?: string;
  wallSeconds: number;
}

/** Runs bench/search/engine.ts for one engine in a child process with a time limit; OOM is reported, not thrown. */
function runChild(engine: string, extra: string[]): Promise<Outcome> {
  const out = join(scratch, `${engine}.json`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${heapMb}`, join(ROOT, 'bench/search/engine.ts'), engine, '--out', out, '--queries', queriesPath, '--tmp', scratch, ...extra],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] },
  );
  let tail = '';
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      if (code === 0 && existsSync(out)) return resolve({ report: JSON.parse(readFileSync(out, 'utf8')) as EngineReport, wallSeconds });
      let failure: string;
      if (timedOut) failure = `stopped after the ${timeoutMs / 60_000} min time limit`;
      else if (/heap out of memory|Allocation failed|Invalid (string|array) length/i.test(tail)) failure = `out of memory (heap limit ${heapMb} MB)`;
      else if (signal === 'SIGKILL') failure = 'killed (out of memory on the machine?)';
      else failure = `failed (${signal ?? `exit ${code}`}): ${tail.trim().split('\n').slice(-3).join(' | ')}`;
      resolve({ failure, wallSeconds });
    });
  });
}

// 1. The library: a fresh, timed build, or an existing one.
let libraryPath: string;
let podsiftBuild: EngineReport | undefined;
let libraryNote: string;
if (option('--library')) {
  libraryPath = option('--library')!;
  libraryNote = `library ${libraryPath} (given; podsift build not measured)`;
} else if (has('--reuse') || quick) {
  const { library, path, built, seconds } = corpusLibrary();
  library.close();
  libraryPath = path;
  libraryNote = `library ${path} (shared eval library${built ? `, built now in ${seconds.toFixed(1)} s` : ''}; podsift build not measured)`;
} else {
  const dir = join(tmpdir(), 'podsift-bench-search');
  mkdirSync(dir, { recursive: true });
  libraryPath = join(dir, 'corpus.db');
  log(`building a fresh podsift library of the corpus at ${libraryPath} ...`);
  const built = await runChild('podsift-build', ['--library', libraryPath]);
  if (!built.report) throw new Error(`podsift build ${built.failure}`);
  podsiftBuild = built.report;
  libraryNote = `library ${libraryPath} (fresh; podsift build = full ingest, peak RSS ${podsiftBuild.peakRssMb.toFixed(0)} MB)`;
}

// 2. The engines, one process each.
const outcomes = new Map<EngineName, Outcome>();
for (const engine of engines) {
  log(`\n${engine}: ${DESCRIPTIONS[engine]}`);
  const outcome = await runChild(engine, ['--library', libraryPath, '--min-queries', String(minQueries)]);
  if (engine === 'podsift' && outcome.report && podsiftBuild) outcome.report.buildSeconds = podsiftBuild.buildSeconds;
  outcomes.set(engine, outcome);
  log(outcome.report ? `${engine}: done in ${outcome.wallSeconds.toFixed(0)} s` : `${engine}: ${outcome.failure}`);
}

// 3. A cold `podsift search` from the shell.
interface Cold {
  ms: number[];
  failures: string[];
  note: string;
}
function coldCli(): Cold {
  const main = join(ROOT, 'dist/cli/main.js');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, d) => Math.max(m, d.isDirectory() ? newest(join(dir, d.name)) : statSync(join(dir, d.name)).mtimeMs), 0);
  let note = 'dist/ up to date';
  if (!existsSync(main) || newest(join(ROOT, 'src')) > statSync(main).mtimeMs) {
    log('\ndist/ is stale: npx tsc -p tsconfig.build.json');
    try {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
      note = 'dist/ rebuilt';
    } catch {
      note = 'dist/ rebuilt with type errors (tsc still emits)';
    }
  }
  const picked = Array.from({ length: Math.min(coldQueries, queries.length) }, (_, i) => queries[Math.floor((i * queries.length) / coldQueries)]!);
  const run = (q: string) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [main, '--library', libraryPath, 'search', '--json', '--', q], { cwd: ROOT, encoding: 'utf8' });
    const ms = performance.now() - t;
    let ok = r.status === 0;
    try {
      ok &&= Array.isArray(JSON.parse(r.stdout));
    } catch {
      ok = false;
    }
    return { ms, error: ok ? null : `"${q}": exit ${r.status} ${r.stderr.trim().split('\n').pop() ?? ''}` };
  };
  run(picked[0]!.query); // warms the page cache; not timed
  const ms: number[] = [];
  const failures: string[] = [];
  for (const q of picked) {
    const r = run(q.query);
    if (r.error) failures.push(r.error);
    else ms.push(r.ms);
  }
  return { ms, failures, note };
}
log('\ncold CLI runs ...');
const cold = coldCli();
rmSync(scratch, { recursive: true, force: true });

// 4. The table.
const f3 = (x: number) => x.toFixed(3);
const typed = (s: Scores | undefined) => (s ? `${s.r10.toFixed(2)}/${s.mrr.toFixed(2)}` : '-');
const num = (x: number | null | undefined, digits: number) => (x === null || x === undefined ? '-' : x.toFixed(digits));
const header = ['engine', 'R@1', 'R@10', 'MRR', 'kw R@10/MRR', 'para R@10/MRR', 'q R@10/MRR', 'build s', 'index MB', 'RSS MB', 'p50 ms', 'p95 ms', 'p99 ms'];
const rows: string[][] = [];
for (const engine of engines) {
  const o = outcomes.get(engine)!;
  const r = o.report;
  if (!r) {
    rows.push([engine, o.failure ?? 'failed', ...header.slice(2).map(() => '')]);
    continue;
  }
  const s = r.scores;
  rows.push([
    engine,
    f3(s.all!.r1),
    f3(s.all!.r10),
    f3(s.all!.mrr),
    typed(s.keywords),
    typed(s.paraphrase),
    typed(s.question),
    num(r.buildSeconds, 1),
    num(r.indexBytes === null ? null : r.indexBytes / 2 ** 20, 0),
    num(r.peakRssMb, 0),
    r.latency ? num(r.latency.p50, 1) : 'skipped',
    r.latency ? num(r.latency.p95, 1) : `(mean ${r.evalMeanMs.toFixed(0)})`,
    r.latency ? num(r.latency.p99, 1) : '',
  ]);
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
const out: string[] = [];
out.push('', `bench:search${quick ? ' --quick' : ''}: ${queries.length} dev queries; ${libraryNote}`, '');
out.push(line(header), `|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`);
for (const r of rows) out.push(line(r));
out.push('');
for (const engine of engines) {
  const r = outcomes.get(engine)!.report;
  out.push(`  ${engine}: ${DESCRIPTIONS[engine]}`);
  if (r) out.push(`      index: ${r.indexKind}; latency over ${r.latency?.n ?? 0} queries; scoring pass mean ${r.evalMeanMs.toFixed(1)} ms${r.notes.length ? `; ${r.notes.join('; ')}` : ''}`);
}
const coldLine = cold.ms.length
  ? `median ${percentile(cold.ms, 50).toFixed(0)} ms, p95 ${percentile(cold.ms, 95).toFixed(0)} ms, max ${Math.max(...cold.ms).toFixed(0)} ms over ${cold.ms.length} queries`
  : 'no successful run';
out.push('', `cold \`podsift search --json\` (${cold.note}): ${coldLine}${cold.failures.length ? `; ${cold.failures.length} failed: ${cold.failures.slice(0, 3).join('; ')}` : ''}`);

// 5. podsift's targets (issue): checked when podsift ran.
const podsift = outcomes.get('podsift')?.report;
if (podsift) {
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  const peers = engines.filter((e) => e !== 'podsift').map((e) => outcomes.get(e)?.report).filter((r): r is EngineReport => Boolean(r));
  const a = podsift.scores.all!;
  out.push('', 'targets:');
  out.push(`  ${mark(a.r10 >= 0.95)} R@10 >= 0.95: ${f3(a.r10)}`);
  out.push(`  ${mark(a.mrr >= 0.85)} MRR >= 0.85: ${f3(a.mrr)}`);
  for (const type of ['keywords', 'paraphrase', 'question']) {
    const own = podsift.scores[type];
    if (!own || peers.length === 0) continue;
    const bestR10 = Math.max(...peers.map((p) => p.scores[type]?.r10 ?? 0));
    const bestMrr = Math.max(...peers.map((p) => p.scores[type]?.mrr ?? 0));
    // "Above" = a higher MRR and a Recall@10 not below (both can be 1.000).
    out.push(`  ${mark(own.r10 >= bestR10 && own.mrr > bestMrr)} above the best peer on ${type} (MRR higher, R@10 not lower): R@10 ${own.r10.toFixed(3)} vs ${bestR10.toFixed(3)}, MRR ${own.mrr.toFixed(3)} vs ${bestMrr.toFixed(3)}`);
  }
  const p95 = podsift.latency?.p95;
  out.push(`  ${mark(p95 !== undefined && p95 < 20)} p95 < 20 ms: ${num(p95, 1)} ms`);
  const strong = peers.filter((p) => (p.scores.all?.r10 ?? 0) >= 0.7);
  const faster = strong.filter((p) => p95 === undefined || !p.latency || p.latency.p95 <= p95);
  out.push(`  ${mark(p95 !== undefined && faster.length === 0)} p95 faster than every peer with R@10 >= 0.7 (${strong.map((p) => `${p.engine} ${p.latency ? p.latency.p95.toFixed(1) : 'n/a'}`).join(', ') || 'none'})`);
  if (cold.ms.length) out.push(`  ${mark(percentile(cold.ms, 95) < 400)} cold CLI search < 400 ms (p95): ${percentile(cold.ms, 95).toFixed(0)} ms`);
  out.push(`  ${mark(podsift.peakRssMb < 300)} searching process < 300 MB RSS: ${podsift.peakRssMb.toFixed(0)} MB`);
}
console.log(out.join('\n'));
