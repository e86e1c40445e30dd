import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cosine, meanVector, MIN_PASSAGES_FOR_VECTORS, quantize } from '../../src/search/semantic.js';
import { SqliteLibrary } from '../../src/store/sqlite/sqlite-library.js';
import { parseQuery } from '../../src/search/query.js';
import type { Turn } from '../../src/model/episode.js';

const vectors = new Map<string, Float32Array>([
  ['scare', new Float32Array([1, 0, 0])],
  ['afraid', new Float32Array([0.9, 0.1, 0])],
  ['bread', new Float32Array([0, 0, 1])],
]);
const table = { dims: 3, get: (t: string) => vectors.get(t) };

describe('soft matching vectors', () => {
  it('points texts with words used alike the same way', () => {
    const a = meanVector(['scare'], table, () => 1)!;
    const b = meanVector(['afraid'], table, () => 1)!;
    const c = meanVector(['bread'], table, () => 1)!;
    assert.ok(cosine(a, quantize(b)) > 0.95);
    assert.ok(cosine(a, quantize(c)) < 0.05);
  });

  it('has no vector for words it does not know', () => {
    assert.equal(meanVector(['unknown'], table, () => 1), null);
    assert.equal(meanVector([], table, () => 1), null);
  });

  it('keeps cosines within 0.01 through 8-bit storage', () => {
    const a = meanVector(['scare', 'bread'], table, () => 1)!;
    const b = meanVector(['afraid', 'bread'], table, () => 1)!;
    const exact = a.reduce((sum, x, i) => sum + x * b[i]!, 0);
    assert.ok(Math.abs(cosine(a, quantize(b)) - exact) < 0.01);
  });
});

describe('word vectors in the library', () => {
  it('are trained by maintain() once the library is big enough, and every passage gets one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podsift-semantic-'));
    const library = new SqliteLibrary(join(dir, 'library.db'));
    try {
      // Two topics whose words recur in the same contexts, in enough passages to train on.
      const topics = [
        'the river floods the valley and the water rises over the old stone bridge near the mill',
        'the baker kneads the dough and the bread rises slowly in the warm oven before dawn',
      ];
      const episodes = 12;
      const perEpisode = Math.ceil((MIN_PASSAGES_FOR_VECTORS + 100) / episodes);
      for (let e = 0; e < episodes; e++) {
        const turns: Turn[] = Array.from({ length: perEpisode }, (_, i) => ({ speaker: null, start: i * 45, end: i * 45 + 44, timing: 'exact', text: `${topics[(e + i) % 2]} number ${e} ${i}.` }));
        library.addSource({ path: `/a/${e}.vtt`, hash: `h${e}`, size: 1, format: 'test', fragment: { meta: { show: 'Topics', number: e + 1 }, transcript: { turns } } });
      }
      library.maintain();
      const db = new Database(join(dir, 'library.db'), { readonly: true });
      try {
        const { missing, total } = db.prepare('SELECT SUM(vector IS NULL) AS missing, COUNT(*) AS total FROM passages').get() as { missing: number; total: number };
        assert.ok(total >= MIN_PASSAGES_FOR_VECTORS);
        assert.equal(missing, 0);
        assert.ok((db.prepare('SELECT COUNT(*) AS n FROM term_vectors').get() as { n: number }).n > 10);
      } finally {
        db.close();
      }
      assert.ok(library.search(parseQuery('dough oven')).hits.length > 0);
    } finally {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
