// Term associations learned from the user's own library, for query expansion: words used in the same contexts
// ("scare" ~ "fear", "afraid", "terrifi"; "employ" ~ "wage", "labor", "worker") get nearby vectors.
//
// Method (Levy, Goldberg & Dagan 2015, "Improving distributional similarity with lessons learned from word
// embeddings"): co-occurrences within ±window content words weighted 1/distance, positive PMI with
// context-distribution smoothing (α = 0.75), randomized truncated SVD of the sparse PPMI matrix, term vectors U·√S
// normalized to unit length; similarity is the cosine.
//
// Everything is typed arrays: the token stream is an Int32Array, co-occurrences are counted row by row into a dense
// scratch row (no Map per pair), the PPMI matrix is CSR (Int32Array/Float32Array) and the SVD works on Float64Arrays
// (src/search/linalg.ts). Deterministic for a given seed; pure (no I/O).
//
// Stems conflate words ("job" is also Steve Jobs and "good job"; "univers" is university and universe), and a
// term seen a handful of times has too few contexts for a reliable vector: see neighbours() for thresholds.
import { Random, dots4x4, randomizedSvd, type Csr } from './linalg.js';

export interface AssociationModel {
  /** The terms (stems), most frequent first. */
  vocabulary: string[];
  /** How often each vocabulary term occurs in the training documents. */
  counts: Int32Array;
  /** Vector length. */
  dims: number;
  /** vocabulary.length × dims, row-major, each row of unit length (all zeros for a term that had no contexts). */
  vectors: Float32Array;
  /** The singular values behind the dimensions, descending. */
  singularValues: Float32Array;
}

export interface AssociationOptions {
  /** Terms occurring fewer times are left out of the model (default 5). */
  minCount?: number;
  /** Co-occurrence window: this many content words either side (default 5). */
  window?: number;
  /** Vector dimensions, the SVD rank (default 200). */
  dims?: number;
  /** Keep at most this many terms, the most frequent (default 50 000). */
  maxVocabulary?: number;
  /** Seed of the randomized SVD (default 1). */
  seed?: number;
  /** Subspace iterations of the randomized SVD (default 2). */
  powerIterations?: number;
}

export interface Neighbour {
  term: string;
  similarity: number;
}

const SEPARATOR = -1;
const DROPPED = -2;

/** Trains on documents given as arrays of term strings (Porter stems of content words, in order). */
export function trainAssociations(docs: Iterable<readonly string[]>, options: AssociationOptions = {}): AssociationModel {
  const window = Math.max(1, Math.floor(options.window ?? 5));
  const { vocabulary, counts, ppmi } = ppmiMatrix(docs, {
    minCount: Math.max(1, options.minCount ?? 5),
    maxVocabulary: Math.max(0, Math.floor(options.maxVocabulary ?? 50_000)),
    window,
  });
  const size = vocabulary.length;
  if (size === 0 || ppmi.rowStart[size] === 0) {
    return { vocabulary, counts, dims: 0, vectors: new Float32Array(0), singularValues: new Float32Array(0) };
  }
  const svd = randomizedSvd(ppmi, Math.max(1, Math.floor(options.dims ?? 200)), {
    seed: options.seed ?? 1,
    powerIterations: options.powerIterations ?? 2,
  });
  // Vectors U·√S, rows normalized.
  const dims = svd.k;
  const vectors = new Float32Array(size * dims);
  const weights = Float64Array.from(svd.s, Math.sqrt);
  const row = new Float64Array(dims);
  for (let i = 0; i < size; i++) {
    let norm = 0;
    for (let j = 0; j < dims; j++) {
      const x = svd.u[i * dims + j]! * weights[j]!;
      row[j] = x;
      norm += x * x;
    }
    if (!(norm > 0)) continue;
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < dims; j++) vectors[i * dims + j] = row[j]! * scale;
  }
  return { vocabulary, counts, dims, vectors, singularValues: Float32Array.from(svd.s) };
}

/**
 * The vocabulary and the PPMI matrix of the documents (in a function of its own so that the token stream and the
 * counting buffers can be collected before the SVD runs).
 *
 * Co-occurrences are symmetric within ±window in-vocabulary words of the same document, weighted 1/distance (the
 * "dynamic window" of word2vec and GloVe: near words say more about a word's meaning than far ones). Then
 * ppmi(a, b) = max(0, log(c(a,b) · Σ_x c(x)^α / (c(a) · c(b)^α))), c(a) = Σ_b c(a,b), α = 0.75.
 * Counted one row at a time: the positions of term a (a counting sort of the stream), the window around each, summed
 * into a dense scratch row with a list of the columns touched, which are read back and cleared.
 */
function ppmiMatrix(docs: Iterable<readonly string[]>, options: { minCount: number; maxVocabulary: number; window: number }): { vocabulary: string[]; counts: Int32Array; ppmi: Csr } {
  const { minCount, maxVocabulary, window } = options;
  // One pass over the documents (they may be a one-shot iterable): provisional ids in first-seen order, counts, and
  // a token stream with a separator after each document and `window` separators of padding at both ends.
  const firstSeen = new Map<string, number>();
  const names: string[] = [];
  let seen = new Int32Array(1024);
  let stream = new Int32Array(1 << 16);
  let length = window;
  stream.fill(SEPARATOR, 0, window);
  for (const doc of docs) {
    if (length + doc.length + 2 * window + 1 > stream.length) {
      const grown = new Int32Array(Math.max(stream.length * 2, length + doc.length + 2 * window + 1));
      grown.set(stream.subarray(0, length));
      stream = grown;
    }
    for (const term of doc) {
      let id = firstSeen.get(term);
      if (id === undefined) {
        id = names.length;
        firstSeen.set(term, id);
        names.push(term);
        if (id >= seen.length) {
          const grown = new Int32Array(seen.length * 2);
          grown.set(seen);
          seen = grown;
        }
      }
      seen[id]!++;
      stream[length++] = id;
    }
    stream[length++] = SEPARATOR;
  }
  if (length + window > stream.length) {
    const grown = new Int32Array(length + window);
    grown.set(stream.subarray(0, length));
    stream = grown;
  }
  stream.fill(SEPARATOR, length, length + window);
  length += window;
  firstSeen.clear();

  // The vocabulary: frequent enough, most frequent first (ties alphabetical, so ids do not depend on input order).
  const kept: number[] = [];
  for (let id = 0; id < names.length; id++) if (seen[id]! >= minCount) kept.push(id);
  kept.sort((a, b) => seen[b]! - seen[a]! || (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  if (kept.length > maxVocabulary) kept.length = maxVocabulary;
  const size = kept.length;
  const vocabulary = kept.map((id) => names[id]!);
  const counts = Int32Array.from(kept, (id) => seen[id]!);
  const remap = new Int32Array(names.length).fill(DROPPED);
  kept.forEach((id, rank) => (remap[id] = rank));

  // Out-of-vocabulary tokens are removed (the window reaches the next in-vocabulary words), separators kept.
  let n = 0;
  for (let i = 0; i < length; i++) {
    const t = stream[i]!;
    const mapped = t === SEPARATOR ? SEPARATOR : remap[t]!;
    if (mapped !== DROPPED) stream[n++] = mapped;
  }
  const tokens = stream.subarray(0, n);

  // Positions of each term.
  const posStart = new Int32Array(size + 1);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t >= 0) posStart[t + 1]!++;
  }
  for (let t = 0; t < size; t++) posStart[t + 1]! += posStart[t]!;
  const next = posStart.slice(0, size);
  const positions = new Int32Array(posStart[size]!);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t >= 0) positions[next[t]!++] = i;
  }

  const weight = new Float64Array(window + 1);
  for (let d = 1; d <= window; d++) weight[d] = 1 / d;
  // Marginals c(a) (the counts are symmetric, so row and column sums agree) and log(c(b)^α / Σ_x c(x)^α).
  const marginal = new Float64Array(size);
  for (let i = 0; i < n; i++) {
    const a = tokens[i]!;
    if (a < 0) continue;
    let s = 0;
    for (let d = 1; d <= window && tokens[i - d]! >= 0; d++) s += weight[d]!;
    for (let d = 1; d <= window && tokens[i + d]! >= 0; d++) s += weight[d]!;
    marginal[a]! += s;
  }
  const smoothed = Float64Array.from(marginal, (c) => Math.pow(c, 0.75));
  const smoothedTotal = smoothed.reduce((x, y) => x + y, 0);
  const logContext = Float64Array.from(smoothed, (c) => (c > 0 ? Math.log(c / smoothedTotal) : 0));

  const rowStart = new Int32Array(size + 1);
  let capacity = Math.max(1024, Math.min(size * size, 2 * n));
  let colIndex = new Int32Array(capacity);
  let values = new Float32Array(capacity);
  let nnz = 0;
  const sum = new Float64Array(size);
  const touched = new Int32Array(size);
  for (let a = 0; a < size; a++) {
    let touchedCount = 0;
    for (let k = posStart[a]!, end = posStart[a + 1]!; k < end; k++) {
      const p = positions[k]!;
      for (let d = 1; d <= window; d++) {
        const b = tokens[p - d]!;
        if (b < 0) break;
        if (sum[b] === 0) touched[touchedCount++] = b;
        sum[b]! += weight[d]!;
      }
      for (let d = 1; d <= window; d++) {
        const b = tokens[p + d]!;
        if (b < 0) break;
        if (sum[b] === 0) touched[touchedCount++] = b;
        sum[b]! += weight[d]!;
      }
    }
    if (nnz + touchedCount > capacity) {
      capacity = Math.max(Math.ceil(capacity * 1.5), nnz + touchedCount);
      const grownIndex = new Int32Array(capacity);
      grownIndex.set(colIndex.subarray(0, nnz));
      colIndex = grownIndex;
      const grownValues = new Float32Array(capacity);
      grownValues.set(values.subarray(0, nnz));
      values = grownValues;
    }
    const logRow = Math.log(marginal[a]!);
    for (let m = 0; m < touchedCount; m++) {
      const b = touched[m]!;
      const pmi = Math.log(sum[b]!) - logRow - logContext[b]!;
      sum[b] = 0;
      if (pmi > 0) {
        colIndex[nnz] = b;
        values[nnz++] = pmi;
      }
    }
    rowStart[a + 1] = nnz;
  }
  // Trim (a view when little would be saved, to spare a copy).
  const fit = <T extends Int32Array | Float32Array>(x: T): T => (nnz >= 0.8 * capacity ? (x.subarray(0, nnz) as T) : (x.slice(0, nnz) as T));
  return { vocabulary, counts, ppmi: { rows: size, cols: size, rowStart, colIndex: fit(colIndex), values: fit(values) } };
}

/**
 * The similarity from which a term's neighbours are mostly real associations rather than noise, given how often the
 * term occurs (model.counts): 0.4 for a term seen 50 times or more, 0.5 from 20 times, 0.6 below that.
 *
 * Evidence (bench/associations.ts --heldout, Lexicap): trained on half of the episodes, top-10 neighbour pairs that
 * also co-occur in the other half's 50-word passages at twice chance or more. Terms seen ≥ 50 times: 57-65% of the
 * pairs at similarity 0.4-0.5, ~42% at 0.3-0.4, ~25% at 0.2-0.3, 8-12% of random pairs. Terms seen 20-49 times:
 * 56% at 0.5-0.6, 46% at 0.4-0.5. Terms seen 5-19 times: ~59% at ≥ 0.6, 26-46% at 0.4-0.6; their lists look as
 * confident as anyone's (median first neighbour 0.41) but are mostly chance ("skynet", "napkin", "homolog").
 */
export function reliableSimilarity(count: number): number {
  return count >= 50 ? 0.4 : count >= 20 ? 0.5 : 0.6;
}

interface ModelIndex {
  ids: Map<string, number>;
  /** 1 for the terms that have a vector (a term seen only without context words has none). */
  live: Uint8Array;
}

const indexes = new WeakMap<AssociationModel, ModelIndex>();

function modelIndex(model: AssociationModel): ModelIndex {
  let index = indexes.get(model);
  if (!index) {
    const { dims, vectors } = model;
    const live = new Uint8Array(model.vocabulary.length);
    for (let i = 0; i < live.length; i++) live[i] = dims > 0 && !isZero(vectors, i * dims, dims) ? 1 : 0;
    index = { ids: new Map(model.vocabulary.map((term, i) => [term, i])), live };
    indexes.set(model, index);
  }
  return index;
}

function isZero(v: Float32Array, offset: number, dims: number): boolean {
  for (let t = 0; t < dims; t++) if (v[offset + t] !== 0) return false;
  return true;
}

/**
 * The terms most associated with `term`, best first, with cosine similarity; empty for unknown/too-rare terms.
 * An exact search over the whole vocabulary (a few milliseconds for 13 000 terms).
 *
 * How far to trust a neighbour depends on the similarity and on how often the term occurs: see reliableSimilarity().
 */
export function neighbours(model: AssociationModel, term: string, k = 10, minSimilarity = 0): Neighbour[] {
  const { ids, live } = modelIndex(model);
  const i = ids.get(term);
  const { dims, vectors } = model;
  k = Math.floor(k);
  if (i === undefined || !live[i] || k <= 0) return [];
  const q = i * dims;
  const best = new TopTable(1, k, minSimilarity);
  for (let j = 0; j < live.length; j++) {
    if (j === i || !live[j]) continue;
    const o = j * dims;
    let s = 0;
    for (let t = 0; t < dims; t++) s += vectors[q + t]! * vectors[o + t]!;
    best.offer(0, j, s);
  }
  return best.list(0, model.vocabulary);
}

export interface NeighbourTableOptions {
  /** Compute every pair (default: only when that is cheap, below about 1.5·10⁹ multiply-adds). */
  exact?: boolean;
  /** Clusters of the approximate search (default 1.5·√terms). */
  clusters?: number;
  /** Clusters searched per term (default 16). */
  probes?: number;
  /** Rounds of neighbour-of-neighbour search after the clustered one (default 1). */
  refine?: number;
}

/** Pairs × dims below which the table is computed exactly by default. */
const EXACT_WORK = 1.5e9;
const CLUSTER_SEED = 0x6e6e;

/**
 * Precomputed top-k neighbour lists for every vocabulary term (what the library will store in a table).
 *
 * For a large vocabulary this is an approximate search, an inverted-file index: the vectors are clustered by
 * spherical k-means, each term is compared with the members of its `probes` nearest clusters only, every score
 * computed counts for both terms of the pair, and a round of neighbour-of-neighbour comparisons follows. On Lexicap
 * (13 452 terms, 200 dims) it takes ~2.5 s of CPU instead of ~8 s for all pairs, and finds all of the exact top-10
 * neighbours with similarity ≥ 0.5, 99% of those at 0.4-0.5 and 87% of those at 0.3-0.4 (weaker ones are easier to
 * miss: many terms score about the same). Small vocabularies (and `exact: true`) compare every pair; the lists then
 * equal `neighbours()`.
 */
export function neighbourTable(model: AssociationModel, k: number, minSimilarity: number, options: NeighbourTableOptions = {}): Map<string, Neighbour[]> {
  const { vocabulary, dims, vectors } = model;
  const table = new Map<string, Neighbour[]>();
  k = Math.max(0, Math.floor(k));
  const live = liveRows(model);
  const count = live.length;
  if (k === 0 || dims === 0 || count < 2) {
    for (const term of vocabulary) table.set(term, []);
    return table;
  }
  const exact = options.exact ?? count * count * dims <= EXACT_WORK;
  const clusters = exact ? 1 : Math.max(1, Math.min(count, Math.round(options.clusters ?? 1.5 * Math.sqrt(count))));
  const probes = exact ? 1 : Math.max(1, Math.min(clusters, options.probes ?? 16));

  // Each live term's nearest clusters (the first is its own).
  let nearest: Int32Array;
  if (clusters === 1) nearest = new Int32Array(count);
  else {
    const centroids = sphericalKMeans(vectors, dims, live, clusters, 4, new Random(CLUSTER_SEED));
    nearest = bestCentroids(vectors, dims, live, centroids, clusters, probes);
  }
  // Members of each cluster, and the terms searching it (as indexes into `live`).
  const members = groupBy(count, clusters, (q, emit) => emit(nearest[q * probes]!, q));
  const searchers = groupBy(count, clusters, (q, emit) => {
    for (let p = 0; p < probes; p++) emit(nearest[q * probes + p]!, q);
  });

  const best = new TopTable(vocabulary.length, k, minSimilarity);
  const out = new Float64Array(16);
  const a = [0, 0, 0, 0];
  const b = [0, 0, 0, 0];
  for (let c = 0; c < clusters; c++) {
    const ms = members.items.subarray(members.start[c]!, members.start[c + 1]!);
    const qs = exact ? ms : searchers.items.subarray(searchers.start[c]!, searchers.start[c + 1]!);
    for (let i = 0; i < qs.length; i += 4) {
      const na = Math.min(4, qs.length - i);
      for (let u = 0; u < 4; u++) a[u] = live[qs[i + Math.min(u, na - 1)]!]!;
      // Exactly: each unordered pair of blocks once, the score offered to both terms.
      for (let j = exact ? i : 0; j < ms.length; j += 4) {
        const nb = Math.min(4, ms.length - j);
        for (let u = 0; u < 4; u++) b[u] = live[ms[j + Math.min(u, nb - 1)]!]!;
        dots4x4(vectors, a[0]! * dims, a[1]! * dims, a[2]! * dims, a[3]! * dims, vectors, b[0]! * dims, b[1]! * dims, b[2]! * dims, b[3]! * dims, dims, out);
        for (let u = 0; u < na; u++) {
          const x = a[u]!;
          for (let v = 0; v < nb; v++) {
            const y = b[v]!;
            if (x === y) continue;
            const score = out[u * 4 + v]!;
            best.offer(x, y, score);
            best.offer(y, x, score);
          }
        }
      }
    }
  }
  // Neighbours of neighbours are likely neighbours: a round of comparisons with them finds some of what the clusters
  // missed (on Lexicap, recall of the top 10 from 87% to 92%), at k² comparisons per term.
  if (!exact) for (let round = 0; round < (options.refine ?? 1); round++) refine(best, vectors, dims, live);
  for (let i = 0; i < vocabulary.length; i++) table.set(vocabulary[i]!, best.list(i, vocabulary));
  return table;
}

/** One round of neighbour-of-neighbour search: each term compared with the current neighbours of its neighbours. */
function refine(best: TopTable, vectors: Float32Array, dims: number, live: Int32Array): void {
  const { ids, counts, k } = best.snapshot();
  const seen = new Int32Array(counts.length).fill(-1);
  for (const i of live) {
    const q = i * dims;
    seen[i] = i;
    for (let m = 0; m < counts[i]!; m++) seen[ids[i * k + m]!] = i;
    for (let m = 0; m < counts[i]!; m++) {
      const j = ids[i * k + m]!;
      for (let n = 0; n < counts[j]!; n++) {
        const c = ids[j * k + n]!;
        if (seen[c] === i) continue;
        seen[c] = i;
        const o = c * dims;
        let s = 0;
        for (let t = 0; t < dims; t++) s += vectors[q + t]! * vectors[o + t]!;
        best.offer(i, c, s);
        best.offer(c, i, s);
      }
    }
  }
}

/** Ids of the terms that have a vector (a term seen only without context words has none). */
function liveRows(model: AssociationModel): Int32Array {
  const { live } = modelIndex(model);
  const ids: number[] = [];
  for (let i = 0; i < live.length; i++) if (live[i]) ids.push(i);
  return Int32Array.from(ids);
}

/** Items 0..count-1 grouped into `groups` lists (CSR-like: start offsets and items), in item order within a group. */
function groupBy(count: number, groups: number, each: (item: number, emit: (group: number, item: number) => void) => void): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let q = 0; q < count; q++) each(q, (g) => start[g + 1]!++);
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const next = start.slice(0, groups);
  const items = new Int32Array(start[groups]!);
  for (let q = 0; q < count; q++) each(q, (g, item) => (items[next[g]!++] = item));
  return { start, items };
}

/**
 * Spherical k-means (cosine similarity, unit centroids) on a sample of the rows: `clusters` distinct rows to start
 * with, then `iterations` rounds of assignment and re-centering. Returns the centroids, clusters × dims.
 */
function sphericalKMeans(vectors: Float32Array, dims: number, rows: Int32Array, clusters: number, iterations: number, random: Random): Float32Array {
  const shuffled = Int32Array.from(rows);
  const sampleSize = Math.min(shuffled.length, Math.max(clusters, 30 * clusters));
  for (let i = 0; i < sampleSize; i++) {
    const j = i + Math.floor(random.next() * (shuffled.length - i));
    const t = shuffled[i]!;
    shuffled[i] = shuffled[j]!;
    shuffled[j] = t;
  }
  const sample = shuffled.subarray(0, sampleSize);
  const centroids = new Float32Array(clusters * dims);
  for (let c = 0; c < clusters; c++) centroids.set(vectors.subarray(sample[c]! * dims, sample[c]! * dims + dims), c * dims);
  const sums = new Float64Array(clusters * dims);
  for (let it = 0; it < iterations; it++) {
    const assigned = bestCentroids(vectors, dims, sample, centroids, clusters, 1);
    sums.fill(0);
    for (let i = 0; i < sample.length; i++) {
      const c = assigned[i]! * dims, r = sample[i]! * dims;
      for (let t = 0; t < dims; t++) sums[c + t]! += vectors[r + t]!;
    }
    for (let c = 0; c < clusters; c++) {
      let norm = 0;
      for (let t = 0; t < dims; t++) norm += sums[c * dims + t]! ** 2;
      if (!(norm > 0)) continue; // an empty cluster keeps its centroid
      const scale = 1 / Math.sqrt(norm);
      for (let t = 0; t < dims; t++) centroids[c * dims + t] = sums[c * dims + t]! * scale;
    }
  }
  return centroids;
}

/** For each of `rows`, the `count` centroids most similar to it, best first (rows.length × count cluster ids). */
function bestCentroids(vectors: Float32Array, dims: number, rows: Int32Array, centroids: Float32Array, clusters: number, count: number): Int32Array {
  const ids = new Int32Array(rows.length * count);
  const scores = new Float64Array(rows.length * count).fill(-Infinity);
  const out = new Float64Array(16);
  const last = rows.length - 1;
  for (let i = 0; i < rows.length; i += 4) {
    const a0 = rows[i]! * dims, a1 = rows[Math.min(i + 1, last)]! * dims, a2 = rows[Math.min(i + 2, last)]! * dims, a3 = rows[Math.min(i + 3, last)]! * dims;
    for (let c = 0; c < clusters; c += 4) {
      const c1 = Math.min(c + 1, clusters - 1), c2 = Math.min(c + 2, clusters - 1), c3 = Math.min(c + 3, clusters - 1);
      dots4x4(vectors, a0, a1, a2, a3, centroids, c * dims, c1 * dims, c2 * dims, c3 * dims, dims, out);
      for (let u = 0; u < 4 && i + u <= last; u++) {
        const base = (i + u) * count;
        for (let v = 0; v < 4 && c + v < clusters; v++) {
          const score = out[u * 4 + v]!;
          if (!(score > scores[base + count - 1]!)) continue;
          let p = count - 1;
          while (p > 0 && scores[base + p - 1]! < score) {
            scores[base + p] = scores[base + p - 1]!;
            ids[base + p] = ids[base + p - 1]!;
            p--;
          }
          scores[base + p] = score;
          ids[base + p] = c + v;
        }
      }
    }
  }
  return ids;
}

/** Top-k lists for every term in flat arrays: scores descending, ties to the lower id, no id twice. */
class TopTable {
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  private readonly counts: Int32Array;
  constructor(
    size: number,
    private readonly k: number,
    private readonly floor: number,
  ) {
    this.ids = new Int32Array(size * k);
    this.scores = new Float64Array(size * k);
    this.counts = new Int32Array(size);
  }
  offer(row: number, id: number, score: number): void {
    if (!(score >= this.floor)) return;
    const k = this.k, base = row * k, n = this.counts[row]!;
    if (n === k) {
      const last = this.scores[base + k - 1]!;
      if (score < last || (score === last && id > this.ids[base + k - 1]!)) return;
    }
    for (let m = 0; m < n; m++) if (this.ids[base + m] === id) return;
    let p = n < k ? n : k - 1;
    if (n < k) this.counts[row] = n + 1;
    while (p > 0 && (this.scores[base + p - 1]! < score || (this.scores[base + p - 1] === score && this.ids[base + p - 1]! > id))) {
      this.scores[base + p] = this.scores[base + p - 1]!;
      this.ids[base + p] = this.ids[base + p - 1]!;
      p--;
    }
    this.scores[base + p] = score;
    this.ids[base + p] = id;
  }
  /** A copy of the lists as they are now. */
  snapshot(): { ids: Int32Array; counts: Int32Array; k: number } {
    return { ids: this.ids.slice(), counts: this.counts.slice(), k: this.k };
  }
  list(row: number, vocabulary: readonly string[]): Neighbour[] {
    const out: Neighbour[] = [];
    for (let m = 0; m < this.counts[row]!; m++) out.push({ term: vocabulary[this.ids[row * this.k + m]!]!, similarity: this.scores[row * this.k + m]! });
    return out;
  }
}
