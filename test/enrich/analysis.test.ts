// The shared reading of a transcript (src/enrich/analysis.ts): tokens as words() splits them, found once per turns
// array; sentence ends as the steps' regexes find them; and the part-of-speech memo both title pickers share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Turn } from '../../src/model/episode.js';
import { countTokens, detached, findSentenceEnd, tokenize, transcriptText, type SentenceEnd } from '../../src/enrich/analysis.js';
import { partOfSpeech, tagWords } from '../../src/enrich/pos.js';
import { stem, words } from '../../src/text/words.js';

const turn = (text: string, start: number, end: number, speaker: string | null = null): Turn => ({ speaker, start, end, timing: 'exact', text });

test('tokens are words() tokens, with one id and one stem per distinct word', () => {
  const text = 'Neural networks, NETWORKS and a network — Zürich’s 3D café!';
  const t = tokenize(text);
  const list = [...t.word].map((w) => t.words[w]);
  assert.deepEqual(list, words(text));
  assert.equal(t.word[1], t.word[2], 'case does not make another word');
  assert.equal(t.stemOf[t.word[1]!], t.stemOf[t.word[5]!], '"networks" and "network" share a stem');
  assert.equal(t.stems[t.stemOf[t.word[5]!]!], stem('network'));
  assert.deepEqual([...t.capital], [1, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
  assert.equal(t.stop[t.word[3]!], 1, '"and" is a stopword');
  assert.equal(text.slice(t.at[6]!, t.end[6]!), 'Zürich');
});

test('a punctuation break is marked before a token, a plain space or apostrophe is not', () => {
  const t = tokenize('one two, three - four-five. six');
  assert.deepEqual([...t.gapBreak], [1, 0, 1, 1, 0, 1]);
});

test('astral letters are word characters, as in words()', () => {
  const text = 'the 𝐀𝐁 sign';
  assert.deepEqual([...tokenize(text).word].map((w) => tokenize(text).words[w]), words(text));
  assert.equal(countTokens(text), words(text).length);
});

test('counting tokens agrees with tokenizing', () => {
  for (const text of ['', '...', 'a', "It's 3 o'clock, isn't it?", 'x'.repeat(50) + ' y', 'Ça va? Très bien.']) {
    assert.equal(countTokens(text), tokenize(text).count, text);
  }
});

test('the transcript is read once per turns array: squashed texts joined by spaces, empty turns left out', () => {
  const turns = [turn('  Hello   there. ', 0, 2, 'A'), turn('   ', 2, 3), turn('General Kenobi', 3, Number.NaN, 'B')];
  const a = transcriptText(turns);
  assert.equal(transcriptText(turns), a, 'memoized on the array');
  assert.notEqual(transcriptText([...turns]), a, 'another array is another reading');
  assert.equal(a.text, 'Hello there. General Kenobi');
  assert.deepEqual([...a.turn], [0, 2]);
  assert.deepEqual([a.text.slice(a.from[1]!, a.to[1]!)], ['General Kenobi']);
  assert.deepEqual([...a.end], [2, 3], 'a missing end is the start');
  assert.deepEqual(a.speaker, ['A', 'B']);
  assert.deepEqual([...a.lead], [-1, 0], 'the first turn had whitespace collapsed inside it');
  assert.equal(a.tokens.count, 4);
});

test('sentence ends are found where the steps’ regexes find them', () => {
  const latin = /[.!?…]+["'”’)\]]*(?=\s|$)/g;
  const both = /[。！？]+|[.!?…]+["'”’)\]]*(?=\s|$)/g;
  // A seeded generator of texts made of the characters that matter.
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const alphabet = ['a', 'B', ' ', '\n', '.', '!', '?', '…', '"', "'", '”', '’', ')', ']', '。', '！', '？', '-', ','];
  const end: SentenceEnd = { start: 0, stop: 0 };
  for (let n = 0; n < 2000; n++) {
    let text = '';
    const length = 1 + Math.floor(next() * 24);
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    for (const [re, cjk] of [[latin, false], [both, true]] as const) {
      const expected: [number, number][] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) expected.push([m.index, m.index + m[0].length]);
      const found: [number, number][] = [];
      for (let at = 0; findSentenceEnd(text, at, cjk, end); at = end.stop) found.push([end.start, end.stop]);
      assert.deepEqual(found, expected, JSON.stringify(text));
    }
  }
});

test('a detached string is equal to the original', () => {
  const long = 'internationalization is long';
  assert.equal(detached(long.slice(0, 20)), long.slice(0, 20));
  assert.equal(detached('short'), 'short');
});

test('part-of-speech tags do not depend on what was tagged with the word', () => {
  const list = ['satellite', 'quickly', 'beautiful', 'propulsion', 'engine'];
  tagWords(list);
  const first = list.map(partOfSpeech);
  tagWords([...list].reverse().map((w) => `${w}s`));
  assert.deepEqual(list.map(partOfSpeech), first);
  assert.equal(partOfSpeech('satellite'), 'noun');
  assert.equal(partOfSpeech('quickly'), 'other');
  assert.equal(partOfSpeech('never-asked'), undefined);
});
