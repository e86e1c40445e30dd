// The raw speech-to-text reader: one huge block of recognised speech, with or without punctuation, recovered into
// paragraphs a reader can follow, with estimated times and no speakers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rawSttReader } from '../../src/formats/raw-stt.js';
import { groupSentences, chunkWords } from '../../src/formats/paragraphs.js';
import { decodeBytes } from '../../src/formats/decode.js';
import { countWords, plainText, WORDS_PER_SECOND } from '../../src/formats/text.js';
import { InputError } from '../../src/model/errors.js';
import type { Turn } from '../../src/model/episode.js';
import { assertFragmentInvariants } from '../helpers/fragment.js';

const FIXTURES = new URL('../fixtures/raw-stt/', import.meta.url);

function fixture(name: string): string {
  return decodeBytes(readFileSync(new URL(name, FIXTURES))).text;
}

function turns(text: string): Turn[] {
  const fragment = rawSttReader.read(text, 'stt.txt');
  assertFragmentInvariants(fragment, 'stt.txt');
  return fragment.transcript!.turns;
}

/** A statement of about `words` words, different for each `seed`. */
function statement(seed: number, words = 12): string {
  const pool = ['the', 'mill', 'river', 'town', 'bakery', 'roof', 'stones', 'summer', 'volunteers', 'flour', 'wheel', 'notebook'];
  const out: string[] = [];
  for (let i = 0; i < words - 1; i++) out.push(pool[(seed * 7 + i * 3) % pool.length]!);
  const sentence = `${out.join(' ')} turned out fine`;
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}

function statements(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => statement(from + i)).join(' ');
}

describe('raw-stt detection', () => {
  it('claims one huge line of punctuated speech at 0.6', () => {
    assert.equal(rawSttReader.detect(fixture('conversation.txt'), 'a.txt'), 0.6);
  });

  it('claims a few huge lines, and an unpunctuated word stream', () => {
    assert.equal(rawSttReader.detect(fixture('three-blocks.txt'), 'a.txt'), 0.6);
    assert.equal(rawSttReader.detect(fixture('unpunctuated.txt'), 'a.txt'), 0.6);
  });

  it('claims a title line above one huge block', () => {
    assert.equal(rawSttReader.detect(`Episode 12\n\n${statements(0, 40)}`, 'a.txt'), 0.6);
  });

  it('says little about a short paragraph and nothing about text with line structure', () => {
    assert.equal(rawSttReader.detect(statements(0, 3), 'a.txt'), 0.3);
    const paragraphs = Array.from({ length: 6 }, (_, i) => statements(i * 5, 5)).join('\n\n');
    assert.equal(rawSttReader.detect(paragraphs, 'a.txt'), 0);
  });

  it('leaves other formats alone, even on one long line', () => {
    const long = statements(0, 40);
    assert.equal(rawSttReader.detect(`{"text": "${long}"}`, 'a.json'), 0);
    assert.equal(rawSttReader.detect(`[{"text": "${long}"}]`, 'a.json'), 0);
    assert.equal(rawSttReader.detect(`WEBVTT\n\n00:00.000 --> 00:05.000\n${long}`, 'a.vtt'), 0);
    assert.equal(rawSttReader.detect(`<html><body><p>${long}</p></body></html>`, 'a.html'), 0);
    assert.equal(rawSttReader.detect('1 2 3 4 5 6 7 8 9 0 '.repeat(200), 'a.txt'), 0);
  });
});

describe('raw-stt paragraphs', () => {
  it('cuts a long block into paragraphs of roughly 40-150 words with estimated, contiguous times', () => {
    const list = turns(fixture('conversation.txt'));
    assert.ok(list.length >= 5, `only ${list.length} paragraphs`);
    let clock = 0;
    for (const turn of list) {
      const words = countWords(turn.text);
      assert.ok(words >= 20 && words <= 180, `paragraph of ${words} words: ${turn.text.slice(0, 60)}`);
      assert.equal(turn.speaker, null);
      assert.equal(turn.timing, 'estimated');
      assert.ok(Math.abs(turn.start - clock) < 0.01, 'each paragraph starts where the previous one ended');
      assert.ok(Math.abs(turn.end - turn.start - words / WORDS_PER_SECOND) < 0.01, 'duration follows 2.9 words/s');
      clock = turn.end;
    }
  });

  it('keeps every word, in order', () => {
    const text = fixture('conversation.txt');
    assert.equal(
      turns(text).map((t) => t.text).join(' '),
      plainText(text),
    );
  });

  it('breaks before a question once the paragraph carries a thought', () => {
    const question = 'What did the town decide to do about the old mill after the flood?';
    const text = `${statements(0, 5)} ${question} ${statements(10, 5)}`;
    const list = turns(text);
    assert.ok(list.some((t) => t.text.startsWith(question)), 'a paragraph starts with the question');
  });

  it('keeps a question with the start of its answer', () => {
    const question = 'What did the town decide to do about the old mill after the flood?';
    const list = turns(`${statements(0, 5)} ${question} ${statements(10, 5)}`);
    const asked = list.findIndex((t) => t.text.includes(question));
    assert.ok(!list[asked]!.text.endsWith(question), 'the answer follows in the same paragraph');
  });

  it('prefers a turning opener ("So, …", "Now, …") over a plain sentence boundary', () => {
    const opener = 'Now, the second part of the story is about the bakery on the corner.';
    const list = turns(`${statements(0, 7)} ${opener} ${statements(20, 6)}`);
    assert.ok(list.some((t) => t.text.startsWith(opener)), list.map((t) => t.text.slice(0, 30)).join(' | '));
  });

  it('never leaves a stub of a few words as the last paragraph', () => {
    const list = turns(`${statements(0, 12)} Thank you.`);
    assert.ok(countWords(list[list.length - 1]!.text) >= 20);
  });

  it('keeps dotted names whole ("indeed.com", "gradient.run/lex")', () => {
    const text = `${statements(0, 4)} Go to tidewater.example/talk to get a discount. That's shop.example.com slash talk. ${statements(5, 4)}`;
    const joined = turns(text).map((t) => t.text).join(' ');
    assert.match(joined, /tidewater\.example\/talk to get/);
    assert.match(joined, /shop\.example\.com slash talk/);
  });

  it('cuts an unpunctuated word stream into pieces of about 80 words, starting at discourse words', () => {
    const list = turns(fixture('unpunctuated.txt'));
    assert.ok(list.length >= 4);
    for (const turn of list.slice(0, -1)) {
      const words = countWords(turn.text);
      assert.ok(words >= 60 && words <= 100, `piece of ${words} words`);
    }
    assert.ok(list.slice(1).some((t) => /^(?:so|now|okay|well|and|but)\b/.test(t.text)));
  });

  it('cuts a run-on "sentence" of hundreds of words like an unpunctuated stream', () => {
    const runOn = `${'and then the river rose and the mill flooded '.repeat(60)}and that was that.`;
    const list = turns(runOn);
    assert.ok(list.length >= 4);
    assert.ok(list.every((t) => countWords(t.text) <= 120));
  });
});

describe('raw-stt metadata and cleaning', () => {
  it('takes the guest from a spoken intro', () => {
    const fragment = rawSttReader.read(fixture('conversation.txt'), 'a.txt');
    assert.deepEqual(fragment.meta.guests, ['Mara Lindqvist']);
    assert.equal(fragment.meta.title, undefined, 'the intro is not a title');
    assert.equal(fragment.meta.language, 'en');
  });

  it('takes no guest from an intro naming one word or a lowercase phrase', () => {
    const plain = `The following is a conversation with Acme, a company. ${statements(0, 10)}`;
    assert.equal(rawSttReader.read(plain, 'a.txt').meta.guests, undefined);
    const lower = `The following is a conversation with my neighbour about bread. ${statements(0, 10)}`;
    assert.equal(rawSttReader.read(lower, 'a.txt').meta.guests, undefined);
  });

  it('moves non-speech markers out of the text', () => {
    const list = turns(`${statements(0, 3)} And then he fell in the river. [laughter] ${statements(3, 3)}`);
    const marked = list.find((t) => t.markers?.length);
    assert.ok(marked);
    assert.equal(marked.markers![0]!.kind, 'laughter');
    assert.ok(!marked.text.includes('['));
  });

  it('strips tags and decodes entities, and defuses what still looks like markup', () => {
    const list = turns(`${statements(0, 3)} Bread &amp; butter <b>matter</b>. A <b < c> d. ${statements(3, 3)}`);
    const joined = list.map((t) => t.text).join(' ');
    assert.match(joined, /Bread & butter matter\./);
    assert.doesNotMatch(joined, /<b/);
  });

  it('refuses text without words', () => {
    assert.throws(() => rawSttReader.read('1 2 3 ... 4, 5; 6!', 'a.txt'), InputError);
    assert.throws(() => rawSttReader.read('   \n  ', 'a.txt'), InputError);
  });

  it('reads a 2 MB single line in linear time', () => {
    const big = 'so the river rose and the mill flooded and the bakery closed for a week '.repeat(28_000);
    const started = performance.now();
    const list = turns(big);
    assert.ok(list.length > 1000);
    assert.ok(performance.now() - started < 10_000);
  });
});

describe('paragraph helpers', () => {
  it('groupSentences returns nothing for nothing', () => {
    assert.deepEqual(groupSentences([]), []);
  });

  it('chunkWords keeps short streams whole', () => {
    assert.deepEqual(chunkWords('just a few words here'), ['just a few words here']);
  });
});
