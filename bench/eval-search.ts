// npm run eval:search [-- --fresh] : runs ../shared/eval/known-item-dev.json against a library of the whole corpus
// and prints Recall@1, Recall@10 and MRR, overall and per query type.
import { join } from 'node:path';
import { parseQuery } from '../src/search/query.js';
import { corpusLibrary, EVAL } from './lib/corpus-library.js';
import { formatScores, loadQueries, percentile, reciprocalRank, summarize } from './lib/known-item.js';

const fresh = process.argv.includes('--fresh');
const verbose = process.argv.includes('--verbose');
const { library, built, seconds } = corpusLibrary({ fresh });
if (built) console.log(`built the corpus library in ${seconds.toFixed(1)} s`);
const queries = loadQueries(join(EVAL, 'known-item-dev.json'));
const youtubeOf = new Map(library.listEpisodes().map((e) => [e.id, e.youtubeId]));
const rr: number[] = [];
const ms: number[] = [];
const cpuStart = process.cpuUsage();
for (const q of queries) {
  const t = performance.now();
  const page = library.search(parseQuery(q.query), { limit: 10 });
  ms.push(performance.now() - t);
  const r = reciprocalRank(q, page.hits.map((h) => ({ youtubeId: youtubeOf.get(h.episode) ?? null, start: h.start, end: h.end })));
  rr.push(r);
  if (verbose && r < 1) console.log(`${r.toFixed(2)}  ${q.type.padEnd(10)} ${q.query}`);
}
const scores = summarize(queries, rr);
console.log(`Known-item dev queries: ${queries.length} (R@1 / R@10 / MRR)`);
for (const key of ['all', 'keywords', 'paraphrase', 'question']) if (scores[key]) console.log(`  ${key.padEnd(11)} ${formatScores(scores[key]!)}`);
const cpu = process.cpuUsage(cpuStart);
console.log(`  latency p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms (wall); ${((cpu.user + cpu.system) / 1000 / queries.length).toFixed(1)} ms CPU per query (mean)`);
library.close();
