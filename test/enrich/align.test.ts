// The "align" step: an untimed transcript of the same speech as a timed one gets the timed one's times, word by
// word, though the two engines' words differ. Invented transcripts only (seeded, so every run is the same).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Episode, Turn } from '../../src/model/episode.js';
import { alignStep } from '../../src/enrich/align.js';
import { alignWords } from '../../src/enrich/align-words.js';
import { applyPatch } from '../../src/enrich/apply.js';

function episode(transcripts: { source: string; turns: Turn[] }[]): Episode {
  return {
    id: 'e1', show: null, number: null, title: null, guests: [], published: null, youtubeId: null, mediaUrl: null,
    duration: null, language: 'en', sourceUrls: [], description: null, sources: transcripts.map((t) => ({ path: t.source, format: 'x' })),
    speakers: [], chapters: [], turns: transcripts[0]?.turns ?? [], transcripts, highlights: [], insights: [],
    sections: [], mentions: [], questions: [], overview: null, moments: [], ads: [], corrections: [], enrichment: [],
  };
}

/** A small seeded PRNG (mulberry32), so the invented speech is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Speech as a list of words drawn Zipf-like from 600 invented words: common words repeat, rare ones don't. */
function speech(count: number, random: () => number): string[] {
  const vocabulary = Array.from({ length: 600 }, (_, i) => `w${i.toString(36)}`);
  return Array.from({ length: count }, () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!);
}

/** Timed cues of 8 words, each word a third of a second, with a pause after every cue. */
function cues(words: string[]): { turns: Turn[]; timeOf: number[] } {
  const turns: Turn[] = [];
  const timeOf: number[] = [];
  let at = 0;
  for (let i = 0; i < words.length; i += 8) {
    const piece = words.slice(i, i + 8);
    piece.forEach((_, k) => timeOf.push(at + k / 3));
    turns.push({ speaker: null, start: at, end: at + piece.length / 3, timing: 'exact', text: `${piece.join(' ')}.` });
    at += piece.length / 3 + 0.7;
  }
  return { turns, timeOf };
}

/**
 * The same speech heard by another engine: a tenth of the words dropped, one in twenty replaced, one in twenty new
 * words inserted; cut into 60-word paragraphs with times estimated at a wrong speaking rate. Each paragraph's true
 * start is the time of its first word that the timed text also has.
 */
function paraphrase(words: string[], timeOf: number[], random: () => number): { turns: Turn[]; truth: number[] } {
  const heard: { word: string; time: number | null }[] = [];
  words.forEach((word, i) => {
    const r = random();
    if (r < 0.1) return;
    if (r < 0.15) heard.push({ word: `x${Math.floor(random() * 1e6)}`, time: null });
    else heard.push({ word, time: timeOf[i]! });
    if (random() < 0.05) heard.push({ word: `y${Math.floor(random() * 1e6)}`, time: null });
  });
  const turns: Turn[] = [];
  const truth: number[] = [];
  for (let i = 0; i < heard.length; i += 60) {
    const piece = heard.slice(i, i + 60);
    const start = (i / 2.5) * 1.3;
    turns.push({ speaker: null, start, end: start + (piece.length / 2.5) * 1.3, timing: 'estimated', text: `${piece.map((h) => h.word).join(' ')}.` });
    truth.push(piece.find((h) => h.time !== null)?.time ?? NaN);
  }
  return { turns, truth };
}

test('a paraphrased copy with dropped, changed and inserted words takes the timed text\'s times', () => {
  const random = prng(7);
  const words = speech(6000, random);
  const timed = cues(words);
  const copy = paraphrase(words, timed.timeOf, random);
  const ep = episode([
    { source: 'untimed.txt', turns: copy.turns },
    { source: 'timed.vtt', turns: timed.turns },
  ]);
  assert.equal(alignStep.skip(ep), null);
  const turns = applyPatch(ep, alignStep.run(ep)).transcripts.find((t) => t.source === 'untimed.txt')!.turns;
  const errors = turns.map((t, i) => Math.abs(t.start - copy.truth[i]!)).sort((a, b) => a - b);
  assert.ok(turns.every((t) => t.timing === 'aligned'), 'every paragraph aligned');
  assert.ok(errors[Math.floor(errors.length / 2)]! < 1, `median error ${errors[Math.floor(errors.length / 2)]}`);
  assert.ok(errors[errors.length - 1]! < 3, `worst error ${errors[errors.length - 1]}`);
  for (let i = 1; i < turns.length; i++) assert.ok(turns[i]!.start >= turns[i - 1]!.start, 'times stay in order');
});

test('the word alignment is monotone and finds a shifted copy', () => {
  const a = Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const b = Int32Array.from([0, 0, 1, 2, 3, 99, 5, 6, 7, 8, 9, 10, 0]);
  const pairs = alignWords(a, b);
  for (let k = 1; k < pairs.a.length; k++) assert.ok(pairs.a[k]! > pairs.a[k - 1]! && pairs.b[k]! > pairs.b[k - 1]!);
  assert.deepEqual(Array.from(pairs.a), [0, 1, 2, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(Array.from(pairs.b), [2, 3, 4, 6, 7, 8, 9, 10, 11]);
});

test('turns that align to nothing keep an estimate, placed between their aligned neighbours', () => {
  const random = prng(11);
  const words = speech(3000, random);
  const timed = cues(words);
  const copy = paraphrase(words, timed.timeOf, random);
  const stranger: Turn = { speaker: null, start: 0, end: 5, timing: 'estimated', text: 'zq1 zq2 zq3 zq4 zq5 zq6 zq7 zq8.' };
  const turns = [...copy.turns.slice(0, 10), stranger, ...copy.turns.slice(10)];
  const ep = episode([
    { source: 'untimed.txt', turns },
    { source: 'timed.vtt', turns: timed.turns },
  ]);
  const after = applyPatch(ep, alignStep.run(ep)).transcripts[0]!.turns;
  assert.equal(after[10]!.timing, 'estimated');
  assert.ok(after[10]!.start >= after[9]!.start && after[10]!.start <= after[11]!.start);
});

test('skips with a reason when there is nothing to align to, and changes nothing for unrelated texts', () => {
  const untimed: Turn = { speaker: null, start: 0, end: 3, timing: 'estimated', text: 'hello there friend.' };
  const timed: Turn = { speaker: null, start: 0, end: 3, timing: 'exact', text: 'hello there friend.' };
  assert.equal(alignStep.skip(episode([{ source: 'a', turns: [untimed] }])), 'no timed transcript to align to');
  assert.equal(alignStep.skip(episode([{ source: 'b', turns: [timed] }])), 'no untimed transcript');
  const random = prng(3);
  const other = episode([
    { source: 'a', turns: [{ ...untimed, text: speech(500, random).join(' ') }] },
    { source: 'b', turns: cues(speech(500, prng(99)).map((w) => `${w}q`)).turns },
  ]);
  assert.deepEqual(alignStep.run(other).transcripts, []);
});

test('odd input never throws: one turn, no text, 10 hours, a 200 KB sentence, another script', () => {
  const random = prng(5);
  const tenHours = speech(100_000, random);
  const timed = cues(tenHours);
  const one = (text: string): Turn[] => [{ speaker: null, start: 0, end: 10, timing: 'estimated', text }];
  const cases: [string, Turn[], Turn[]][] = [
    ['one turn', one('w1 w2 w3'), timed.turns.slice(0, 1)],
    ['no text', one(''), timed.turns.slice(0, 5)],
    ['200 KB sentence', one(tenHours.slice(0, 40_000).join(' ')), timed.turns],
    ['another script', one('这是一次对话。你觉得怎么样？'), [{ ...timed.turns[0]!, text: '这是一次对话。' }]],
    ['ten hours', paraphrase(tenHours, timed.timeOf, random).turns, timed.turns],
  ];
  for (const [name, untimed, reference] of cases) {
    const ep = episode([
      { source: 'u', turns: untimed },
      { source: 't', turns: reference },
    ]);
    const started = performance.now();
    assert.doesNotThrow(() => {
      if (alignStep.skip(ep) === null) applyPatch(ep, alignStep.run(ep));
    }, name);
    assert.ok(performance.now() - started < 10_000, `${name} took ${performance.now() - started} ms`);
  }
});
