// How transcripts are stored: every field of every turn comes back, and libraries written before the column
// layout still read.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Turn } from '../../src/model/episode.js';
import { columnsJson, decodeTurns, encodeTurns } from '../../src/store/transcript-codec.js';

const turns: Turn[] = [
  { speaker: 'Ada', start: 0, end: 4.5, timing: 'exact', text: 'Hello <b>there</b>.' },
  { speaker: null, start: 4.5, end: 9, timing: 'estimated', text: '', translations: [{ lang: 'zh', text: '你好' }] },
  { speaker: 'Ada', start: 9, end: 12.25, timing: 'aligned', text: 'Bye [inaudible].', markers: [{ kind: 'inaudible', label: 'inaudible', offset: 4 }], attributed: true },
];

describe('the transcript codec', () => {
  it('round-trips every field, the rare ones included', () => {
    assert.deepEqual(decodeTurns(encodeTurns(turns)), turns);
  });

  it('stores a column whose values are all alike once', () => {
    const same = turns.map((t) => ({ ...t, speaker: 'Ada', timing: 'exact' as const }));
    const stored = JSON.parse(columnsJson(same)) as { speaker: unknown; timing: unknown };
    assert.equal(stored.speaker, 'Ada');
    assert.equal(stored.timing, 'exact');
    assert.deepEqual(decodeTurns(encodeTurns(same)), same);
  });

  it('reads the older layouts: one object per turn, and columns stored as uncompressed text', () => {
    assert.deepEqual(decodeTurns(JSON.stringify(turns)), turns);
    assert.deepEqual(decodeTurns(columnsJson(turns)), turns);
  });

  it('stores compressed bytes, far smaller than the text for a long transcript', () => {
    const long = Array.from({ length: 2000 }, (_, i) => ({ speaker: i % 2 ? 'Ada' : 'Lex', start: i * 3, end: i * 3 + 3, timing: 'exact' as const, text: `Sentence number ${i} about rivers and floods.` }));
    const stored = encodeTurns(long);
    assert.ok(stored instanceof Uint8Array);
    assert.ok(stored.length < columnsJson(long).length / 2, `${stored.length} bytes`);
    assert.deepEqual(decodeTurns(stored), long);
  });

  it('an empty transcript is empty', () => {
    assert.deepEqual(decodeTurns(encodeTurns([])), []);
  });
});
