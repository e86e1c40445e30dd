// The talk transcript reader: a title line, plain paragraphs without speakers or times, and machine translations
// interleaved with the paragraphs they translate.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { splitTitleLine, talkReader } from '../../src/formats/talk.js';
import { decodeBytes } from '../../src/formats/decode.js';
import { countWords, WORDS_PER_SECOND } from '../../src/formats/text.js';
import { InputError } from '../../src/model/errors.js';
import type { EpisodeFragment } from '../../src/model/episode.js';
import { assertFragmentInvariants } from '../helpers/fragment.js';

const FIXTURES = new URL('../fixtures/talk/', import.meta.url);

function fixture(name: string): string {
  return decodeBytes(readFileSync(new URL(name, FIXTURES))).text;
}

function read(text: string): EpisodeFragment {
  const fragment = talkReader.read(text, 'talk.txt');
  assertFragmentInvariants(fragment, 'talk.txt');
  return fragment;
}

const HAN = /\p{Script=Han}/u;

const P1 =
  'Thanks for having me. I want to start with the harbour, because that is where the town began, and where most of ' +
  'the arguments about its future still happen, usually on a Saturday morning at the fish market.';
const P2 =
  'The harbour wall was built in 1870 by the same engineer who built the railway station, and it has been repaired ' +
  'eleven times since. Every repair was paid for by a different group of people.';
const P3 =
  'So when the council asked whether to rebuild it or let the sea take part of it back, the answer was not obvious, ' +
  'and I think it is a good example of how towns decide things when there is no right answer.';
const ZH2 = '港口的防波堤建于1870年,由建造火车站的同一位工程师设计,此后修缮了十一次。每次修缮都是由不同的人群出资的。';
const ES2 =
  'El muro del puerto se construyó en 1870, obra del mismo ingeniero que construyó la estación de tren, y desde ' +
  'entonces se ha reparado once veces. Cada reparación la pagó un grupo distinto de personas.';

describe('talk detection', () => {
  it('claims paragraphs under a title line at about 0.5, and more when translations are interleaved', () => {
    assert.equal(talkReader.detect(`Harbour Stories: a talk\n\n${P1}\n\n${P2}\n\n${P3}\n`, 'a.txt'), 0.5);
    assert.equal(talkReader.detect(`${P1}\n\n${P2}\n\n${P3}\n`, 'a.txt'), 0.45);
    assert.equal(talkReader.detect(fixture('live-room-translated.txt'), 'a.txt'), 0.65);
  });

  it('claims one paragraph per long line without blank lines', () => {
    assert.ok(talkReader.detect(fixture('one-paragraph-per-line.txt'), 'a.txt') >= 0.45);
  });

  it('leaves labelled or timed lines to plain text', () => {
    const labelled = [P1, P2, P3, P1].map((p, i) => `${i % 2 ? 'Jane Doe' : 'Sam Roe'}: ${p}`).join('\n\n');
    assert.ok(talkReader.detect(labelled, 'a.txt') <= 0.1);
    const timed = [P1, P2, P3].map((p, i) => `[00:0${i}:00] ${p}`).join('\n\n');
    assert.ok(talkReader.detect(timed, 'a.txt') <= 0.1);
  });

  it('leaves other formats alone', () => {
    assert.equal(talkReader.detect(`WEBVTT\n\n00:00.000 --> 00:05.000\n${P1}\n\n00:05.000 --> 00:09.000\n${P2}\n`, 'a.vtt'), 0);
    assert.equal(talkReader.detect(`1\n00:00:00,000 --> 00:00:05,000\n${P1}\n\n2\n00:00:05,000 --> 00:00:09,000\n${P2}\n\n${P3}\n`, 'a.srt'), 0);
    assert.equal(talkReader.detect(`title:: Harbour\nauthor:: [[Town Radio]]\n\n- ${P1}\n\n- ${P2}\n\n- ${P3}\n`, 'a.md'), 0);
    assert.equal(talkReader.detect(`Lena Fox [(00:00:03)](https://youtube.com/watch?v=abcdefghijk&t=3) ${P1}\n\n${P2}\n\n${P3}\n`, 'a.md'), 0);
    assert.equal(talkReader.detect(JSON.stringify({ paragraphs: [P1, P2, P3] }, null, 2), 'a.json'), 0);
  });

  it('does not claim a list of short lines', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `Short line number ${i} of a summary page.`).join('\n');
    assert.equal(talkReader.detect(lines, 'a.txt'), 0);
  });
});

describe('talk title line', () => {
  it('ends the title where a description sentence starts after a title-like run', () => {
    assert.deepEqual(
      splitTitleLine('Nadia Ferreira: Oceans, Batteries, Cities and patience This was a live audio room on a Thursday.'),
      { title: 'Nadia Ferreira: Oceans, Batteries, Cities and patience', description: 'This was a live audio room on a Thursday.' },
    );
  });

  it('ends the title at a sentence end', () => {
    assert.deepEqual(splitTitleLine('Harbour Stories. Recorded at the town library in May.'), {
      title: 'Harbour Stories',
      description: 'Recorded at the town library in May.',
    });
  });

  it('does not split at an abbreviation or at a capitalised name inside the title', () => {
    assert.deepEqual(splitTitleLine('A Morning with Dr. Lena Fox and the Harbour Master'), {
      title: 'A Morning with Dr. Lena Fox and the Harbour Master',
    });
    assert.deepEqual(splitTitleLine('Talking with Elon Musk about Mars'), { title: 'Talking with Elon Musk about Mars' });
  });

  it('takes markdown headings and "Title:" prefixes off', () => {
    assert.deepEqual(splitTitleLine('# Keynote: Small Newsrooms'), { title: 'Keynote: Small Newsrooms' });
    assert.deepEqual(splitTitleLine('Title: Harbour Stories'), { title: 'Harbour Stories' });
  });

  it('is no title when the first line is a plain sentence or a long paragraph', () => {
    assert.equal(splitTitleLine('Hi everyone, welcome.'), null);
    assert.equal(splitTitleLine(P1 + ' ' + P2), null);
  });
});

describe('talk reading', () => {
  it('reads title, guests, description and language', () => {
    const { meta } = read(fixture('live-room-translated.txt'));
    assert.equal(meta.title, 'Nadia Ferreira: Oceans, Batteries, Cities and patience');
    assert.deepEqual(meta.guests, ['Nadia Ferreira']);
    assert.equal(meta.description, 'This was a live audio room with Nadia Ferreira on a Thursday evening in March.');
    assert.equal(meta.language, 'en');
  });

  it('attaches each translation to the paragraph before it, never as a turn of its own', () => {
    const turns = read(fixture('live-room-translated.txt')).transcript!.turns;
    assert.equal(turns.length, 7);
    for (const turn of turns) assert.ok(!HAN.test(turn.text), `Chinese left in a turn: ${turn.text.slice(0, 40)}`);
    const translated = turns.filter((t) => t.translations);
    assert.equal(translated.length, 3);
    assert.ok(translated[0]!.text.startsWith('What is the hardest part of building the new plant in Lisbon?'));
    assert.ok(translated[0]!.translations![0]!.text.startsWith('在里斯本建设新工厂最难的部分是什么'));
    assert.ok(translated.every((t) => t.translations!.every((x) => x.lang === 'zh')));
  });

  it('splits a paragraph and its translation written on one line', () => {
    const turns = read(fixture('live-room-translated.txt')).transcript!.turns;
    const grid = turns.find((t) => t.text.startsWith('And then the question is what happens to the grid'))!;
    assert.ok(grid.text.endsWith('how little of it is new power plants.'));
    assert.ok(grid.translations![0]!.text.startsWith('然后问题是'));
  });

  it('lets only the originals advance the estimated clock', () => {
    const turns = read(`Harbour Stories\n\n${P1}\n\n${P2}\n${ZH2}\n\n${P3}\n`).transcript!.turns;
    assert.equal(turns.length, 3);
    let clock = 0;
    for (const turn of turns) {
      assert.equal(turn.timing, 'estimated');
      assert.equal(turn.speaker, null);
      assert.ok(Math.abs(turn.start - clock) < 0.01);
      assert.ok(Math.abs(turn.end - turn.start - countWords(turn.text) / WORDS_PER_SECOND) < 0.01);
      clock = turn.end;
    }
  });

  it('attaches translations to the next paragraph when they come first', () => {
    const turns = read(fixture('translation-first.md')).transcript!.turns;
    assert.equal(turns.length, 4);
    assert.ok(turns[0]!.text.startsWith('This talk was recorded at a public library'));
    assert.ok(turns[0]!.translations![0]!.text.startsWith('Esta charla se grabó'));
    assert.equal(turns[0]!.translations![0]!.lang, 'es');
    assert.ok(turns[1]!.text.startsWith('Then she talked about trams'));
    assert.ok(turns[1]!.translations![0]!.text.startsWith('Después habló de los tranvías'));
    assert.equal(turns[2]!.translations, undefined);
  });

  it('attaches a translation before the first original to that original', () => {
    const turns = read(`${ZH2}\n\n${P2}\n\n${P3}\n\n${P1}\n`).transcript!.turns;
    assert.equal(turns[0]!.text, P2);
    assert.equal(turns[0]!.translations![0]!.lang, 'zh');
  });

  it('keeps several translations of one paragraph together', () => {
    const turns = read(`${P1}\n\n${P2}\n${ZH2}\n${ES2}\n\n${P3}\n`).transcript!.turns;
    assert.equal(turns.length, 3);
    assert.deepEqual(turns[1]!.translations!.map((t) => t.lang), ['zh', 'es']);
  });

  it('reads a document in another language with that language as its main one', () => {
    const es = [ES2, ES2.replace('1870', '1871'), ES2.replace('1870', '1872')].join('\n\n');
    const fragment = read(`El puerto: una charla\n\n${es}\n`);
    assert.equal(fragment.meta.language, 'es');
    assert.equal(fragment.transcript!.turns.length, 3);
  });

  it('joins hard-wrapped lines into paragraphs', () => {
    const turns = read(fixture('wrapped-keynote.txt')).transcript!.turns;
    assert.equal(turns.length, 4);
    assert.ok(turns[0]!.text.includes('coffee line was long'), 'a wrapped line is joined with a space');
  });

  it('reads one paragraph per line when lines are long', () => {
    const fragment = read(fixture('one-paragraph-per-line.txt'));
    assert.equal(fragment.meta.title, 'How Bridges Fail and what engineers learn from it');
    assert.equal(fragment.transcript!.turns.length, 4);
  });

  it('takes a first line that is a sentence as the first paragraph', () => {
    const fragment = read(`${P1}\n\n${P2}\n\n${P3}\n`);
    assert.equal(fragment.meta.title, undefined);
    assert.equal(fragment.transcript!.turns.length, 3);
  });

  it('moves markers out and removes markup', () => {
    const turns = read(`Harbour\n\n${P1} [applause]\n\n<i>${P2}</i> &amp; more\n`).transcript!.turns;
    assert.equal(turns[0]!.markers![0]!.kind, 'applause');
    assert.ok(turns[1]!.text.endsWith('& more'));
  });

  it('refuses a file that is only a title line', () => {
    assert.throws(
      () => talkReader.read('Harbour Stories: a talk about the sea\n\n\n', 'a.txt'),
      (e: unknown) => e instanceof InputError && /only a title/.test(e.reason) && e.line === 1,
    );
  });

  it('refuses text without words', () => {
    assert.throws(() => talkReader.read('2024 - 03 - 14\n\n12:00 ... 13:00\n', 'a.txt'), InputError);
  });
});

describe('talk long paragraphs', () => {
  it('regroups a paragraph of several minutes into readable paragraphs, keeping every word', () => {
    const long = Array.from({ length: 8 }, () => `${P1} ${P2} ${P3}`).join(' ');
    const turns = read(`Harbour Stories\n\n${long}\n\n${P2}\n`).transcript!.turns;
    assert.ok(turns.length > 4);
    assert.ok(turns.every((t) => countWords(t.text) <= 200));
    assert.equal(turns.map((t) => t.text).join(' '), `${long} ${P2}`);
  });

  it('keeps a long paragraph whole when a translation hangs on it', () => {
    const long = Array.from({ length: 8 }, () => `${P1} ${P2} ${P3}`).join(' ');
    const turns = read(`Harbour Stories\n\n${long}\n${ZH2}\n\n${P2}\n`).transcript!.turns;
    assert.equal(turns.length, 2);
    assert.equal(turns[0]!.translations![0]!.lang, 'zh');
  });
});
