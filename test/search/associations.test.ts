import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { neighbourTable, neighbours, reliableSimilarity, trainAssociations, type AssociationModel } from '../../src/search/associations.js';
import { Random, cholQr, randomizedSvd, symmetricEigen, transposeCsr, type Csr } from '../../src/search/linalg.js';

/**
 * Sentences about three topics. Within a topic, one of three interchangeable words ("car", "vehicl", "automobil")
 * appears with words of its topic's context, never with another of the three; the model must find them similar from
 * their shared contexts alone. Filler words occur everywhere.
 */
const TOPICS = [
  { words: ['car', 'vehicl', 'automobil'], context: ['drive', 'road', 'engin', 'wheel', 'park', 'fuel', 'garag', 'speed'] },
  { words: ['happi', 'glad', 'cheer'], context: ['smile', 'joy', 'laugh', 'mood', 'friend', 'sun', 'danc', 'sing'] },
  { words: ['doctor', 'physician', 'surgeon'], context: ['hospit', 'patient', 'medicin', 'clinic', 'nurs', 'diseas', 'treat', 'heal'] },
];
const FILLER = ['time', 'peopl', 'year', 'dai', 'think', 'know'];

function corpus(seed: number, sentences = 600): string[][] {
  const random = new Random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random.next() * xs.length)]!;
  const docs: string[][] = [];
  for (let s = 0; s < sentences; s++) {
    const topic = pick(TOPICS);
    const doc = [pick(FILLER), pick(topic.context), pick(topic.context), pick(topic.words), pick(topic.context), pick(FILLER), pick(topic.context)];
    docs.push(doc);
  }
  return docs;
}

function topTerms(model: AssociationModel, term: string, k: number): string[] {
  return neighbours(model, term, k, -1).map((n) => n.term);
}

describe('trainAssociations', () => {
  it('makes words used in the same contexts neighbours, though they never occur together', () => {
    const model = trainAssociations(corpus(1), { minCount: 2, dims: 12 });
    for (const topic of TOPICS) {
      for (const word of topic.words) {
        const others = topic.words.filter((w) => w !== word);
        // Its two interchangeable words rank above every word of other topics.
        const ranked = topTerms(model, word, model.vocabulary.length);
        const otherTopics = TOPICS.filter((t) => t !== topic).flatMap((t) => [...t.words, ...t.context]);
        const worstOwn = Math.max(...others.map((w) => ranked.indexOf(w)));
        const bestForeign = Math.min(...otherTopics.map((w) => ranked.indexOf(w)));
        assert.ok(worstOwn >= 0 && worstOwn < bestForeign, `${word}: ${ranked.slice(0, 8).join(' ')}`);
        const similarity = neighbours(model, word, 20).find((n) => n.term === others[0])!.similarity;
        assert.ok(similarity > 0.5, `${word} ~ ${others[0]}: ${similarity}`);
      }
    }
  });

  it('lists the vocabulary most frequent first, with counts, within minCount and maxVocabulary', () => {
    const docs = [['b', 'a', 'c', 'a', 'b', 'a', 'd'], ['c', 'a', 'b', 'e']];
    const model = trainAssociations(docs, { minCount: 2, dims: 2 });
    assert.deepEqual(model.vocabulary, ['a', 'b', 'c']);
    assert.deepEqual(Array.from(model.counts), [4, 3, 2]);
    assert.deepEqual(trainAssociations(docs, { minCount: 1, maxVocabulary: 2, dims: 2 }).vocabulary, ['a', 'b']);
    // Ties in count are broken alphabetically, whatever the input order.
    assert.deepEqual(trainAssociations([['z', 'y', 'x']], { minCount: 1 }).vocabulary, ['x', 'y', 'z']);
  });

  it('is deterministic for a seed', () => {
    const docs = corpus(2);
    const a = trainAssociations(docs, { minCount: 2, dims: 10, seed: 7 });
    const b = trainAssociations(docs, { minCount: 2, dims: 10, seed: 7 });
    assert.deepEqual(a.vocabulary, b.vocabulary);
    assert.deepEqual(a.vectors, b.vectors);
    assert.deepEqual(a.singularValues, b.singularValues);
    assert.deepEqual(neighbourTable(a, 5, 0), neighbourTable(b, 5, 0));
    // Another seed gives (numerically) the same leading singular values: the SVD converged.
    const c = trainAssociations(docs, { minCount: 2, dims: 10, seed: 8 });
    for (let j = 0; j < 3; j++) assert.ok(Math.abs(a.singularValues[j]! - c.singularValues[j]!) < 1e-3 * a.singularValues[0]!);
  });

  it('reads a one-shot iterable', () => {
    const docs = corpus(3, 200);
    function* once() {
      yield* docs;
    }
    const fromGenerator = trainAssociations(once(), { minCount: 2, dims: 6 });
    assert.deepEqual(fromGenerator.vectors, trainAssociations(docs, { minCount: 2, dims: 6 }).vectors);
  });

  it('does not throw on empty input or a single document', () => {
    for (const docs of [[], [[]], [[], []]] as string[][][]) {
      const model = trainAssociations(docs);
      assert.deepEqual(model.vocabulary, []);
      assert.deepEqual(neighbours(model, 'a'), []);
      assert.equal(neighbourTable(model, 5, 0).size, 0);
    }
    // One word, repeated: it has no context words other than itself (PMI 0), so no vector and no neighbours.
    const single = trainAssociations([['om', 'om', 'om', 'om', 'om', 'om']]);
    assert.deepEqual(single.vocabulary, ['om']);
    assert.deepEqual(neighbours(single, 'om'), []);
    assert.deepEqual(neighbourTable(single, 5, 0), new Map([['om', []]]));
    // One short document.
    const one = trainAssociations([['cortex', 'neuron', 'brain', 'cortex', 'neuron', 'brain', 'cortex', 'neuron', 'brain', 'cortex', 'neuron', 'brain', 'cortex', 'neuron', 'brain']]);
    assert.deepEqual(one.vocabulary, ['brain', 'cortex', 'neuron']);
    assert.ok(one.dims >= 1 && one.dims <= 3);
    const table = neighbourTable(one, 5, -1);
    assert.equal(table.size, 3);
    for (const list of table.values()) assert.ok(list.length <= 2);
    // Too few repetitions for the default minCount.
    assert.deepEqual(trainAssociations([['a', 'b', 'c']]).vocabulary, []);
  });

  it('answers nothing for unknown terms and respects k and minSimilarity', () => {
    const model = trainAssociations(corpus(4), { minCount: 2, dims: 12 });
    assert.deepEqual(neighbours(model, 'unknown'), []);
    assert.deepEqual(neighbours(model, 'car', 0), []);
    assert.equal(neighbours(model, 'car', 3).length, 3);
    const list = neighbours(model, 'car', 50, 0.3);
    assert.ok(list.length > 0 && list.every((n) => n.similarity >= 0.3));
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1]!.similarity >= list[i]!.similarity);
    assert.ok(!list.some((n) => n.term === 'car'));
    for (const lists of neighbourTable(model, 1000, 1.01).values()) assert.deepEqual(lists, []);
    assert.equal(neighbourTable(model, 1000, -1).get('car')!.length, model.vocabulary.length - 1);
  });
});

describe('neighbourTable', () => {
  it('equals neighbours() for every term when computed exactly', () => {
    const model = trainAssociations(corpus(5), { minCount: 2, dims: 12 });
    const table = neighbourTable(model, 4, 0.1);
    assert.equal(table.size, model.vocabulary.length);
    for (const term of model.vocabulary) assert.deepEqual(table.get(term), neighbours(model, term, 4, 0.1), term);
  });

  it('finds nearly all exact neighbours with the clustered search', () => {
    // A bigger vocabulary: many topics of distinct words.
    const random = new Random(11);
    const docs: string[][] = [];
    for (let s = 0; s < 6000; s++) {
      const topic = Math.floor(random.next() * 60);
      const doc: string[] = [];
      for (let w = 0; w < 8; w++) doc.push(`t${topic}w${Math.floor(random.next() * 12)}`);
      docs.push(doc);
    }
    const model = trainAssociations(docs, { minCount: 2, dims: 40 });
    const approximate = neighbourTable(model, 5, 0.2, { exact: false, clusters: 20, probes: 4 });
    const exact = neighbourTable(model, 5, 0.2, { exact: true });
    let found = 0;
    let total = 0;
    for (const [term, list] of exact) {
      const got = new Set(approximate.get(term)!.map((n) => n.term));
      for (const n of list) {
        total++;
        if (got.has(n.term)) found++;
      }
    }
    assert.ok(total > 1000);
    assert.ok(found / total > 0.95, `recall ${found / total}`);
  });
});

describe('reliableSimilarity', () => {
  it('asks more of rare terms', () => {
    assert.equal(reliableSimilarity(1000), 0.4);
    assert.equal(reliableSimilarity(50), 0.4);
    assert.equal(reliableSimilarity(49), 0.5);
    assert.equal(reliableSimilarity(20), 0.5);
    assert.equal(reliableSimilarity(5), 0.6);
  });
});

describe('linalg', () => {
  function denseToCsr(rows: number, cols: number, dense: number[]): Csr {
    const rowStart = new Int32Array(rows + 1);
    const colIndex: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (dense[i * cols + j] !== 0) {
          colIndex.push(j);
          values.push(dense[i * cols + j]!);
        }
      }
      rowStart[i + 1] = colIndex.length;
    }
    return { rows, cols, rowStart, colIndex: Int32Array.from(colIndex), values: Float32Array.from(values) };
  }

  it('finds eigenvalues and eigenvectors of a symmetric matrix', () => {
    const n = 6;
    const random = new Random(3);
    const m = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) m[i * n + j] = m[j * n + i] = random.gaussian();
    const { values, vectors } = symmetricEigen(m, n);
    for (let c = 0; c < n; c++) {
      if (c > 0) assert.ok(values[c - 1]! >= values[c]!);
      for (let i = 0; i < n; i++) {
        let mv = 0;
        for (let j = 0; j < n; j++) mv += m[i * n + j]! * vectors[j * n + c]!;
        assert.ok(Math.abs(mv - values[c]! * vectors[i * n + c]!) < 1e-10);
      }
    }
  });

  it('orthonormalizes, leaving dependent columns zero', () => {
    const n = 20, l = 4;
    const random = new Random(4);
    const y = new Float64Array(n * l);
    for (let i = 0; i < n; i++) {
      y[i * l] = random.gaussian();
      y[i * l + 1] = random.gaussian();
      y[i * l + 2] = 2 * y[i * l]! - y[i * l + 1]!; // dependent
      y[i * l + 3] = random.gaussian();
    }
    const q = new Float64Array(n * l);
    assert.equal(cholQr(y, n, l, q).rank, 3);
    for (let a = 0; a < l; a++) {
      for (let b = 0; b < l; b++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i * l + a]! * q[i * l + b]!;
        const expected = a === b && a !== 2 ? 1 : 0;
        assert.ok(Math.abs(dot - expected) < 1e-9, `${a},${b}: ${dot}`);
      }
    }
  });

  it('recovers the singular values of a low-rank sparse matrix', () => {
    // a = Σ σ_j u_j v_jᵀ with orthogonal u, v built from disjoint supports.
    const rows = 30, cols = 24;
    const sigma = [9, 5, 2];
    const dense = new Array<number>(rows * cols).fill(0);
    for (let j = 0; j < 3; j++) {
      for (let i = j * 10; i < j * 10 + 10; i++) for (let c = j * 8; c < j * 8 + 8; c++) dense[i * cols + c] = sigma[j]! / Math.sqrt(80);
    }
    const a = denseToCsr(rows, cols, dense);
    const { s, k, u } = randomizedSvd(a, 3, { seed: 5 });
    assert.equal(k, 3);
    for (let j = 0; j < 3; j++) assert.ok(Math.abs(s[j]! - sigma[j]!) < 1e-5, `${s[j]}`);
    // First left singular vector: uniform on rows 0-9.
    for (let i = 0; i < rows; i++) assert.ok(Math.abs(Math.abs(u[i * 3]!) - (i < 10 ? 1 / Math.sqrt(10) : 0)) < 1e-6);
    assert.deepEqual(transposeCsr(transposeCsr(a)), a);
  });
});
