// tsx bench/associations.ts [--corpus DIR] [--dims N] [--window N] [--min-count N] [--max-vocabulary N] [--seed N]
//                           [--k N] [--min-similarity X] [--words "scared jobs …"] [--heldout]
// Trains the term-association model (src/search/associations.ts) on the corpus and prints: time (wall and CPU) and
// peak RSS of training and of the neighbour table, the table's recall against exact search, neighbours of sample
// words, and the similarity distribution by term frequency. With --heldout it also trains on half of the episodes and
// checks, in the other half, whether neighbour pairs co-occur in the same 50-word passages more than chance: the
// evidence for the suggested thresholds. Run with node --expose-gc for an RSS figure without the loading garbage.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { lexicapReader } from '../src/formats/lexicap.js';
import { neighbourTable, neighbours, trainAssociations, type AssociationModel, type AssociationOptions, type Neighbour } from '../src/search/associations.js';
import { contentStems, isStopword, stem, words } from '../src/text/words.js';
import { CORPUS } from './lib/corpus-library.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const numberFlag = (name: string) => (flag(name) === undefined ? undefined : Number(flag(name)));
const corpus = resolve(flag('--corpus') ?? CORPUS);
const options: AssociationOptions = {};
for (const [name, key] of [['--dims', 'dims'], ['--window', 'window'], ['--min-count', 'minCount'], ['--max-vocabulary', 'maxVocabulary'], ['--seed', 'seed']] as const) {
  const value = numberFlag(name);
  if (value !== undefined) options[key] = value;
}
const k = numberFlag('--k') ?? 10;
const minSimilarity = numberFlag('--min-similarity') ?? 0;
const sampleWords = (flag('--words') ?? 'scared jobs wealth cortex karpathy terminator apocalypse employment napkin homology commitment afraid university consciousness rocket bitcoin chess skynet worried').split(/\s+/).filter(Boolean);

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

function timed<T>(run: () => T): { value: T; wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const cpu = process.cpuUsage(cpu0);
  return { value, wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}
const seconds = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(2)} s (CPU ${t.cpu.toFixed(2)} s)`;

console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (2 cores: wall times above CPU times mean other work ran)`);

// 1. The corpus as documents of content stems; surface forms counted to show stems as words.
const loading = timed(() => {
  const docs: string[][] = [];
  const surface = new Map<string, Map<string, number>>();
  let tokens = 0;
  for (const file of readdirSync(corpus).filter((f) => f.endsWith('.json')).sort()) {
    const { transcript } = lexicapReader.read(readFileSync(join(corpus, file), 'utf8'), file);
    const text = (transcript?.turns ?? []).map((turn) => turn.text).join('\n');
    const all = words(text);
    tokens += all.length;
    for (const w of all) {
      if (isStopword(w)) continue;
      const s = stem(w);
      let forms = surface.get(s);
      if (!forms) surface.set(s, (forms = new Map()));
      forms.set(w, (forms.get(w) ?? 0) + 1);
    }
    docs.push(contentStems(text));
  }
  return { docs, surface, tokens };
});
const { docs, surface } = loading.value;
const display = new Map<string, string>();
for (const [s, forms] of surface) display.set(s, [...forms].sort((a, b) => b[1] - a[1])[0]![0]);
surface.clear();
const contentTokens = docs.reduce((n, d) => n + d.length, 0);
console.log(`corpus: ${docs.length} episodes, ${loading.value.tokens} tokens, ${contentTokens} content tokens; read and stemmed in ${seconds(loading)}`);

// 2. Training.
gc?.();
const before = process.memoryUsage();
const rssBefore = before.rss;
const training = timed(() => trainAssociations(docs, options));
const model = training.value;
const peakAfterTraining = peakRss();
console.log(`train: ${seconds(training)}; ${model.vocabulary.length} terms × ${model.dims} dims`);
console.log(`  peak RSS ${mb(peakAfterTraining)}; before training: RSS ${mb(rssBefore)}, JS heap ${mb(before.heapUsed)} (the documents)${gc ? '' : ' (run with --expose-gc for these)'}`);
console.log(`  model: vectors ${mb(model.vectors.byteLength)}; singular values ${model.singularValues[0]?.toFixed(0)} … ${model.singularValues[model.dims - 1]?.toFixed(0)}`);

// 3. Neighbour table, and its recall against exact search on every 13th term.
const building = timed(() => neighbourTable(model, k, minSimilarity));
const table = building.value;
console.log(`neighbourTable(k=${k}, minSimilarity=${minSimilarity}): ${seconds(building)}; peak RSS ${mb(peakRss())}`);
const bands = [0.6, 0.5, 0.4, 0.3, -1];
const found = bands.map(() => 0);
const total = bands.map(() => 0);
for (let i = 0; i < model.vocabulary.length; i += 13) {
  const term = model.vocabulary[i]!;
  const got = new Set(table.get(term)!.map((n) => n.term));
  for (const n of neighbours(model, term, k, minSimilarity)) {
    const b = bands.findIndex((x) => n.similarity >= x);
    total[b]!++;
    if (got.has(n.term)) found[b]!++;
  }
}
console.log(`  recall of exact top ${k} by similarity: ${bands.map((b, i) => `${b < 0 ? '<0.3' : `≥${b}`} ${total[i] ? ((100 * found[i]!) / total[i]!).toFixed(1) : '-'}% of ${total[i]}`).join(', ')}`);

// 4. Examples.
const shown = (n: Neighbour) => `${display.get(n.term) ?? n.term} ${n.similarity.toFixed(2)}`;
console.log(`\nneighbours (shown as each stem's commonest word; ×count in the corpus):`);
for (const word of sampleWords) {
  const s = contentStems(word)[0] ?? word;
  const i = model.vocabulary.indexOf(s);
  const list = neighbours(model, s, k, minSimilarity);
  console.log(`  ${word} [${s} ×${i >= 0 ? model.counts[i] : 0}]: ${list.length ? list.map(shown).join(', ') : '(not in the model)'}`);
}

// 5. Similarity of the 1st and 10th neighbour by term frequency: rare terms have high-looking similarities to noise.
console.log(`\nmedian similarity of the 1st / 10th neighbour, by the term's count:`);
const countBands = [5, 10, 20, 50, 200, 1000, Infinity];
for (let b = 0; b + 1 < countBands.length; b++) {
  const first: number[] = [];
  const tenth: number[] = [];
  for (let i = 0; i < model.vocabulary.length; i++) {
    const c = model.counts[i]!;
    if (c < countBands[b]! || c >= countBands[b + 1]!) continue;
    const list = table.get(model.vocabulary[i]!)!;
    if (list[0]) first.push(list[0].similarity);
    if (list[9]) tenth.push(list[9].similarity);
  }
  console.log(`  ${(countBands[b + 1] === Infinity ? `${countBands[b]}+` : `${countBands[b]}-${countBands[b + 1]! - 1}`).padEnd(10)} ${String(first.length).padStart(5)} terms: ${median(first).toFixed(2)} / ${median(tenth).toFixed(2)}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
}

// 6. Held-out check: train on even episodes, test co-occurrence of neighbour pairs in odd ones.
if (args.includes('--heldout')) heldOut(docs, options);

function heldOut(all: string[][], trainOptions: AssociationOptions): void {
  const half = trainAssociations(all.filter((_, i) => i % 2 === 0), trainOptions);
  const halfTable = neighbourTable(half, 10, 0.2);
  const passage = 50;
  const where = new Map<string, number[]>();
  let passages = 0;
  for (const doc of all.filter((_, i) => i % 2 === 1)) {
    for (let s = 0; s < doc.length; s += passage, passages++) {
      for (const t of new Set(doc.slice(s, s + passage))) {
        let list = where.get(t);
        if (!list) where.set(t, (list = []));
        list.push(passages);
      }
    }
  }
  /** P(a and b in a passage) / (P(a)·P(b)) in the held-out half; undefined when either is too rare there. */
  const lift = (a: string, b: string): number | undefined => {
    const x = where.get(a), y = where.get(b);
    if (!x || !y || x.length < 3 || y.length < 3) return undefined;
    let i = 0, j = 0, both = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) (both++, i++, j++);
      else if (x[i]! < y[j]!) i++;
      else j++;
    }
    return (both * passages) / (x.length * y.length);
  };
  const simBands = [0.6, 0.5, 0.4, 0.3, 0.2];
  const cBands = [5, 10, 20, 50, 200, Infinity];
  const cell = () => ({ pairs: 0, held: 0 });
  const grid = simBands.map(() => cBands.slice(1).map(cell));
  const chance = cBands.slice(1).map(cell);
  let seed = 1;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  half.vocabulary.forEach((term, i) => {
    const cb = cBands.findIndex((b, j) => half.counts[i]! >= b && half.counts[i]! < cBands[j + 1]!);
    const tally = (c: { pairs: number; held: number }, other: string) => {
      const l = lift(term, other);
      if (l === undefined) return;
      c.pairs++;
      if (l >= 2) c.held++;
    };
    for (const n of halfTable.get(term)!) tally(grid[simBands.findIndex((b) => n.similarity >= b)]![cb]!, n.term);
    for (let r = 0; r < 3; r++) tally(chance[cb]!, half.vocabulary[Math.floor(random() * half.vocabulary.length)]!);
  });
  const fmt = (c: { pairs: number; held: number }) => (c.pairs ? `${((100 * c.held) / c.pairs).toFixed(0)}% of ${c.pairs}` : '-').padEnd(14);
  console.log(`\nheld out: share of top-10 neighbour pairs (trained on ${Math.ceil(all.length / 2)} episodes) that co-occur in the other episodes' ${passage}-word passages at ≥2× chance`);
  console.log(`  similarity \\ term count  ${cBands.slice(1).map((b, j) => `${cBands[j]}-${b === Infinity ? '' : b - 1}`.padEnd(14)).join('')}`);
  simBands.forEach((b, s) => console.log(`  ${(s === 0 ? `≥${b.toFixed(1)}` : `${b.toFixed(1)}-${simBands[s - 1]!.toFixed(1)}`).padEnd(24)}${grid[s]!.map(fmt).join('')}`));
  console.log(`  random pairs            ${chance.map(fmt).join('')}`);
}
