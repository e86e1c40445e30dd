// npm run bench:serve [-- --seconds 30 --connections 50 --fresh --skip-uncached]
// The server under load, with the whole corpus loaded. The server runs in its own process (`podsift serve`);
// autocannon drives it from this one: search (the known-item queries and short keyword queries, with the
// server's caches, then without them), the episode as the web app first loads it (first page of turns), and the
// whole episode JSON, after a short warm-up (the library's pages in the OS cache). Reports requests/s, p50/p95/p99 latency (from every response) and errors. Then the episode
// page weight (HTML + CSS + JS + first JSON) and time to first render of the largest episode in Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { parseQuery } from '../src/search/query.js';
import { corpusLibrary, EVAL } from './lib/corpus-library.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const SECONDS = Number(option('--seconds', '30'));
const CONNECTIONS = Number(option('--connections', '50'));
const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;
const ROOT = new URL('..', import.meta.url).pathname;
const DB = join(tmpdir(), 'podsift-bench-serve', 'corpus.db');

interface Figures {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  mbPerSec: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function prepareLibrary(): { ids: string[]; largest: string; turns: number } {
  mkdirSync(join(tmpdir(), 'podsift-bench-serve'), { recursive: true });
  let opened;
  try {
    opened = corpusLibrary({ path: DB, fresh: args.includes('--fresh') });
    opened.library.search(parseQuery('probe'), { limit: 1 });
  } catch {
    opened?.library.close();
    opened = corpusLibrary({ path: DB, fresh: true }); // a library from an older schema
  }
  const { library, built, seconds } = opened;
  if (built) console.log(`built the corpus library in ${seconds.toFixed(1)} s`);
  const episodes = library.listEpisodes();
  const largest = [...episodes].sort((a, b) => b.turns - a.turns)[0]!;
  library.close();
  console.log(`${episodes.length} episodes; largest: ${largest.id} (${largest.turns} turns, ${((largest.duration ?? 0) / 3600).toFixed(1)} h)`);
  return { ids: episodes.map((e) => e.id), largest: largest.id, turns: largest.turns };
}

function startServer(cache: boolean): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--library', DB, 'serve', '--port', '0', ...(cache ? [] : ['--no-cache'])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Open (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!.replace(/\/$/, ''), child });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function load(name: string, url: string, paths: () => string, seconds = SECONDS): Promise<Figures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 10,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths() }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  });
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    mbPerSec: Math.round((result.throughput.average / 1024 / 1024) * 10) / 10,
  };
}

function searchQueries(): string[] {
  const known = (JSON.parse(readFileSync(join(EVAL, 'known-item-dev.json'), 'utf8')) as { queries: { query: string }[] }).queries.map((q) => q.query);
  const keywords = ['neural networks', 'consciousness', 'elon musk mars', 'free will', 'nuclear weapons', 'love', 'deep learning', 'chess', 'quantum mechanics', 'universe simulation', 'speaker:"Lex Fridman" robots', '"artificial general intelligence"', 'evolution -god', 'program*', 'meaning of life', 'jiu jitsu'];
  return [...known, ...keywords];
}

async function pageWeight(url: string, id: string): Promise<{ bytes: Record<string, number>; total: number; gzip: number }> {
  const bytes: Record<string, number> = {};
  let gz = 0;
  const take = async (name: string, path: string) => {
    const body = Buffer.from(await (await fetch(url + path)).arrayBuffer());
    bytes[name] = (bytes[name] ?? 0) + body.length;
    gz += gzipSync(body).length;
    return body.toString('utf8');
  };
  const html = await take('html', `/episodes/${id}`);
  for (const m of html.matchAll(/href="(\/assets\/[a-z0-9-]+\.css)"/g)) await take('css', m[1]!);
  for (const m of new Set([...html.matchAll(/(?:href|src)="(\/assets\/[a-z0-9-]+\.js)"/g)].map((x) => x[1]!))) await take('js', m);
  await take('json', `/api/episodes/${id}?turnLimit=100`);
  await take('json', `/api/highlights?episode=${id}`);
  const total = Object.values(bytes).reduce((a, b) => a + b, 0);
  return { bytes, total, gzip: gz };
}

async function firstRender(url: string, id: string): Promise<{ runs: { rendered: number; fcp: number | null; transferred: number }[] }> {
  const browser = await chromium.launch({ executablePath: process.env.PODSIFT_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const runs: { rendered: number; fcp: number | null; transferred: number }[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await page.route(/youtube/, (route) => route.abort());
      await page.goto(`${url}/episodes/${id}`);
      await page.waitForFunction(() => performance.getEntriesByName('podsift:episode-rendered').length > 0 && document.querySelector('.seg') !== null);
      runs.push(
        await page.evaluate(() => ({
          rendered: Math.round(performance.getEntriesByName('podsift:episode-rendered')[0]!.startTime),
          fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN) || null,
          // Bytes over the wire up to now (a fresh browser context: nothing cached).
          transferred: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce((n, e) => n + ((e as PerformanceResourceTiming).transferSize || 0), 0),
        })),
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { runs };
}

function row(f: Figures): string {
  return `| ${f.name} | ${f.requests} | ${f.rps} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.max} | ${f.errors + f.timeouts} | ${f.non2xx} |`;
}

const { ids, largest, turns } = prepareLibrary();
const queries = searchQueries();
let qi = 0;
const nextSearch = () => `/api/search?q=${encodeURIComponent(queries[qi++ % queries.length]!)}&limit=20`;
let ei = 0;
const order = ids.map((id, i) => ({ id, k: (i * 7919) % ids.length })).sort((a, b) => a.k - b.k).map((x) => x.id);
const nextEpisode = () => `/api/episodes/${order[ei++ % order.length]}?turnLimit=100`;
const nextFull = () => `/api/episodes/${order[ei++ % order.length]}`;

const results: Figures[] = [];
const cached = await startServer(true);
let weight;
let render;
try {
  console.log(`server ${cached.url}; ${SECONDS} s per run, ${CONNECTIONS} connections; ${queries.length} distinct queries`);
  // Warm the disk cache (every episode read once, every query run once), as a library in use would be.
  await load('warm-up', cached.url, nextFull, 5);
  await load('warm-up', cached.url, nextSearch, 5);
  results.push(await load('search (cached)', cached.url, nextSearch));
  // Every episode in turn, so the server's small episode cache rarely hits: this is the cost of opening an episode.
  results.push(await load(`episode, first page of turns (all ${ids.length} in turn)`, cached.url, nextEpisode));
  results.push(await load(`episode, whole JSON (all ${ids.length} in turn)`, cached.url, nextFull));
  weight = await pageWeight(cached.url, largest);
  render = await firstRender(cached.url, largest);
} finally {
  await stop(cached.child);
}
if (!args.includes('--skip-uncached')) {
  const uncached = await startServer(false);
  try {
    await load('warm-up', uncached.url, nextSearch, 5);
    results.push(await load('search (no cache)', uncached.url, nextSearch));
    results.push(await load('episode, first page of turns (no cache)', uncached.url, nextEpisode));
  } finally {
    await stop(uncached.child);
  }
}

console.log('\n| run | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | non-2xx |\n|---|---|---|---|---|---|---|---|---|');
for (const r of results) console.log(row(r));
console.log(`\nEpisode page weight, largest episode ${largest} (${turns} turns): ${Object.entries(weight!.bytes).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KB`).join(', ')}; total ${(weight!.total / 1024).toFixed(1)} KB (${(weight!.gzip / 1024).toFixed(1)} KB gzipped)`);
const rendered = render!.runs.map((r) => r.rendered).sort((a, b) => a - b);
console.log(`Time to first render in Chromium (navigation start → transcript on screen), 5 loads: median ${rendered[2]} ms (min ${rendered[0]}, max ${rendered[4]}); first contentful paint median ${render!.runs.map((r) => r.fcp ?? 0).sort((a, b) => a - b)[2]} ms; ${(render!.runs[0]!.transferred / 1024).toFixed(1)} KB transferred by the time the transcript shows`);
mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
writeFileSync(join(ROOT, 'artifacts', 'bench-serve.json'), JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, episodes: ids.length, largest, turns, results, weight, render }, null, 2));
