import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildPassages } from '../../src/search/passages.js';
import type { Turn } from '../../src/model/episode.js';

const turn = (start: number, end: number, text: string, speaker: string | null = 'Ann'): Turn => ({ speaker, start, end, timing: 'exact', text });

describe('buildPassages', () => {
  it('groups turns into passages of about 40 s ending at a sentence', () => {
    const turns = Array.from({ length: 30 }, (_, i) => turn(i * 5, i * 5 + 5, `Sentence number ${i} ends here.`));
    const passages = buildPassages(turns);
    assert.ok(passages.length >= 3);
    for (const p of passages.slice(0, -1)) assert.ok(p.end - p.start >= 20 && p.end - p.start <= 60, `${p.start}-${p.end}`);
    assert.equal(passages[0]!.start, 0);
    assert.equal(passages[passages.length - 1]!.end, 150);
  });

  it('cuts a long monologue turn at sentences, timing the pieces by length', () => {
    const long = Array.from({ length: 60 }, (_, i) => `This is sentence ${i} of a long answer.`).join(' ');
    const passages = buildPassages([turn(0, 300, long)]);
    assert.ok(passages.length >= 5);
    for (const p of passages) assert.ok(p.end - p.start <= 61, `${p.start}-${p.end}`);
    assert.ok(passages.every((p) => /\.$/.test(p.text)));
  });

  it('names the main speaker, every speaker, the chapter, and the weakest timing', () => {
    const passages = buildPassages(
      [turn(0, 10, 'A short question?', 'Ann'), { ...turn(10, 45, 'A much longer answer that goes on and on about bridges.', 'Bo'), timing: 'estimated' }],
      [{ title: 'Bridges', start: 0, origin: 'given' }],
    );
    assert.equal(passages.length, 1);
    assert.deepEqual(passages[0]!.speakers, ['Ann', 'Bo']);
    assert.equal(passages[0]!.speaker, 'Bo');
    assert.equal(passages[0]!.chapter, 'Bridges');
    assert.equal(passages[0]!.timing, 'estimated');
  });

  it('survives an empty transcript and empty turns', () => {
    assert.deepEqual(buildPassages([]), []);
    assert.deepEqual(buildPassages([turn(0, 1, '   ')]), []);
  });
});
