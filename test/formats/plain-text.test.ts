// The plain-text reader: the fallback for any text transcript, line by line, with optional speaker labels and
// timestamps in the shapes people paste from apps and web pages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { plainTextReader } from '../../src/formats/plain-text.js';
import { looksLikeName, parseLineShape } from '../../src/formats/line-shapes.js';
import { decodeBytes } from '../../src/formats/decode.js';
import { WORDS_PER_SECOND } from '../../src/formats/text.js';
import { InputError } from '../../src/model/errors.js';
import type { EpisodeFragment, Turn } from '../../src/model/episode.js';
import { assertFragmentInvariants } from '../helpers/fragment.js';

const FIXTURES = new URL('../fixtures/plain-text/', import.meta.url);

function fixture(name: string): string {
  return decodeBytes(readFileSync(new URL(name, FIXTURES))).text;
}

function read(text: string): EpisodeFragment {
  const fragment = plainTextReader.read(text, 'plain.txt');
  assertFragmentInvariants(fragment, 'plain.txt');
  return fragment;
}

function turns(text: string): Turn[] {
  return read(text).transcript!.turns;
}

function brief(list: Turn[]): [string | null, number, number, Turn['timing']][] {
  return list.map((t) => [t.speaker, t.start, t.end, t.timing]);
}

describe('speaker labels', () => {
  it('accepts 1-4 capitalised words, initials, particles, numbered and diarizer labels', () => {
    for (const name of ['Host', 'Priya Raman', 'Dr. Jane Doe', 'ALEX MORGAN', 'Ludwig van Beethoven', 'Speaker 2', 'SPEAKER_01', 'Q', '张伟', 'José Ñúñez']) {
      assert.ok(looksLikeName(name), name);
    }
  });

  it('rejects sentences, lowercase words, long runs and note words', () => {
    for (const label of ['Note', 'NOTE', 'Update', 'Title', 'Summary', 'The plan is', 'so here is the thing', 'van Gogh', 'One Two Three Four Five', 'https', '']) {
      assert.ok(!looksLikeName(label), label);
    }
  });
});

describe('line shapes', () => {
  const cases: [string, Partial<ReturnType<typeof parseLineShape>>][] = [
    ['Jane Doe: Hello there.', { label: 'Jane Doe', text: 'Hello there.', strong: false }],
    ['JANE: Hello.', { label: 'JANE', text: 'Hello.' }],
    ['**Jane Doe:** Hello.', { label: 'Jane Doe', text: 'Hello.', strong: true }],
    ['**Jane Doe**: Hello.', { label: 'Jane Doe', text: 'Hello.', strong: true }],
    ['>> Jane Doe: Hello.', { label: 'Jane Doe', text: 'Hello.', newSpeaker: true, strong: true }],
    ['>> Hello.', { text: 'Hello.', newSpeaker: true }],
    ['[00:01:02] Hello.', { time: 62, text: 'Hello.' }],
    ['[00:01:02 - 00:01:09] Hello.', { time: 62, end: 69, text: 'Hello.' }],
    ['(1:02) Jane: Hello.', { time: 62, label: 'Jane', text: 'Hello.', strong: true }],
    ['00:01:02 Jane Doe: Hello.', { time: 62, label: 'Jane Doe', text: 'Hello.' }],
    ['1:02:03.5 Hello.', { time: 3723.5, text: 'Hello.' }],
    ['Jane Doe (00:01:02): Hello.', { time: 62, label: 'Jane Doe', text: 'Hello.', strong: true }],
    ['Jane Doe [01:02] Hello.', { time: 62, label: 'Jane Doe', text: 'Hello.' }],
    ['Jane Doe  0:03', { time: 3, label: 'Jane Doe', text: '' }],
    ['0:05', { time: 5, text: '' }],
    ['Note: this is not a speaker.', { label: undefined, text: 'Note: this is not a speaker.' }],
    ['The plan was simple: build a roof.', { label: undefined }],
    ['Visit https://example.com for more.', { label: undefined }],
    ['12:30 is when the ferry leaves.', { time: 750 }],
  ];
  for (const [line, expected] of cases) {
    it(`reads "${line}"`, () => {
      const shape = parseLineShape(line);
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(shape[key as keyof typeof shape], value, `${key} of "${line}"`);
      }
    });
  }
});

describe('plain-text detection', () => {
  it('says 0.5 when most lines carry labels or timestamps', () => {
    for (const name of ['labelled.txt', 'caps-labels.txt', 'bold-labels.md', 'bare-times.txt', 'youtube-copy.txt', 'chevrons.txt', 'otter-export.txt', 'bracket-times.txt', 'name-then-time.txt', 'paren-times.txt']) {
      assert.equal(plainTextReader.detect(fixture(name), name), 0.5, name);
    }
  });

  it('says 0.2 for any other text with letters, and 0 without letters', () => {
    assert.equal(plainTextReader.detect('Just some notes about the mill.\nAnd another line.', 'a.txt'), 0.2);
    assert.equal(plainTextReader.detect('1 2 3\n4 5 6', 'a.txt'), 0);
  });

  it('does not count a label that appears once as a speaker', () => {
    assert.equal(plainTextReader.detect('Note: the mill reopened.\nIt grinds flour on Saturdays.\nThe bakery sells the bread.', 'a.txt'), 0.2);
  });

  it('stays low on the signatures of formats with readers of their own', () => {
    const cue = 'Jane: Hello there.\nSam: Hi.\nJane: How are you?\nSam: Fine.';
    assert.ok(plainTextReader.detect(`WEBVTT\n\n${cue}`, 'a.vtt') < 0.2);
    assert.ok(plainTextReader.detect(`1\n00:00:01,000 --> 00:00:02,000\n${cue}`, 'a.srt') < 0.2);
    assert.ok(plainTextReader.detect(`title:: Mill\n${cue}`, 'a.md') < 0.2);
    assert.ok(plainTextReader.detect(`Jane Doe [(00:00:01)](https://youtube.com/watch?v=abcdefghijk&t=1) Hello.\n${cue}`, 'a.md') < 0.2);
    assert.equal(plainTextReader.detect(`{"text": "${cue}"}`, 'a.json'), 0);
    assert.equal(plainTextReader.detect(`<html><body>${cue}</body></html>`, 'a.html'), 0);
  });
});

describe('plain-text labelled transcripts', () => {
  it('reads speakers, continuation lines and a title line', () => {
    const fragment = read(fixture('labelled.txt'));
    assert.equal(fragment.meta.title, 'Interview with Priya Raman about community radio');
    assert.deepEqual(fragment.speakers, [{ name: 'Host' }, { name: 'Priya Raman' }]);
    const list = fragment.transcript!.turns;
    assert.equal(list.length, 8);
    assert.equal(
      list[3]!.text,
      'With a borrowed transmitter and a lot of optimism. We broadcast from a spare room above a bakery, so for the first two years every show smelled of bread. Note: the bakery is still there, and it still sells the best rye bread in town.',
      'a "Note:" line continues the current turn',
    );
  });

  it('estimates times when there are no timestamps', () => {
    const list = turns(fixture('labelled.txt'));
    let clock = 0;
    for (const turn of list) {
      assert.equal(turn.timing, 'estimated');
      assert.ok(Math.abs(turn.start - clock) < 0.01);
      clock = turn.end;
    }
  });

  it('takes a label seen once as text, unless it is written in a strong form', () => {
    const list = turns('Alice: Hello there, nice to see you.\nThe weather is fine today.\nWe should go out.');
    assert.equal(list[0]!.speaker, null);
    assert.match(list[0]!.text, /^Alice: Hello/);
    assert.equal(turns('**Alice:** Hello there.\nThe weather is fine.')[0]!.speaker, 'Alice');
  });

  it('reads bold markdown labels and ">>" speaker changes', () => {
    assert.deepEqual(
      turns(fixture('bold-labels.md')).map((t) => t.speaker),
      ['Dana Whitfield', 'Marcus Lee', 'Dana Whitfield', 'Marcus Lee', 'Dana Whitfield', 'Marcus Lee'],
    );
    assert.deepEqual(
      turns(fixture('chevrons.txt')).map((t) => t.speaker),
      ['Chair', 'Chair', 'Kim Ashford', null, 'Chair', 'Kim Ashford'],
    );
  });

  it('moves markers out of the text', () => {
    const list = turns(fixture('caps-labels.txt'));
    assert.deepEqual(list[3]!.markers, [{ kind: 'laughter', label: 'laughter', offset: 38 }]);
    assert.equal(list[5]!.markers![0]!.kind, 'inaudible');
    assert.ok(list.every((t) => !t.text.includes('[')));
  });
});

describe('plain-text timestamps', () => {
  it('reads "[00:00:04] Name: text" with exact times, each turn ending where the next starts', () => {
    const list = turns(fixture('bracket-times.txt'));
    assert.deepEqual(brief(list).slice(0, 3), [
      ['Ines Duarte', 0, 4, 'exact'],
      ['Ines Duarte', 4, 11, 'exact'],
      ['Tomas Berg', 11, 19, 'exact'],
    ]);
    assert.equal(list[4]!.text, 'Nurses, bakers, musicians, and a lot of very tired students. It is the most interesting crowd in the city, honestly.');
    assert.equal(list[4]!.markers![0]!.kind, 'laughter');
  });

  it('ends the last turn after its words at the speech rate', () => {
    const list = turns(fixture('bracket-times.txt'));
    const last = list[list.length - 1]!;
    const words = last.text.split(/\s+/).length;
    assert.ok(Math.abs(last.end - (last.start + words / WORDS_PER_SECOND)) < 0.01);
  });

  it('reads "(0:05) Name: text", "00:00:03 Name: text" and "Name (00:00:02): text"', () => {
    assert.deepEqual(brief(turns(fixture('paren-times.txt'))).slice(0, 2), [
      ['Lena', 5, 9, 'exact'],
      ['Omar', 9, 12, 'exact'],
    ]);
    assert.deepEqual(brief(turns(fixture('bare-times.txt'))).slice(0, 3), [
      ['Ruth Okafor', 3, 7, 'exact'],
      ['Ruth Okafor', 7, 15, 'exact'],
      ['Ben Calloway', 15, 22, 'exact'],
    ]);
    assert.deepEqual(brief(turns(fixture('name-then-time.txt'))).slice(0, 2), [
      ['Hannah Cole', 2, 5, 'exact'],
      ['Victor Ames', 5, 10, 'exact'],
    ]);
  });

  it('reads Otter-style "Name  0:03" headers with the text on the lines below', () => {
    const list = turns(fixture('otter-export.txt'));
    assert.deepEqual(brief(list).slice(0, 2), [
      ['Jane Porter', 3, 14, 'exact'],
      ['Sam Whitaker', 14, 21, 'exact'],
    ]);
    assert.equal(list[0]!.text, 'Okay, I think we are recording. Welcome back, everyone. Today is a short one because half the team is on holiday.');
  });

  it('joins the YouTube transcript copy (a time line before every caption fragment) into readable turns', () => {
    const list = turns(fixture('youtube-copy.txt'));
    assert.equal(list.length, 1);
    assert.equal(list[0]!.start, 0);
    assert.equal(list[0]!.timing, 'exact');
    const punctuated = turns('0:00\nHello and welcome.\n0:03\nToday we build a shelf.\n0:06\nFirst, the wood.');
    assert.deepEqual(punctuated.map((t) => t.start), [0, 3, 6], 'fragments that end sentences stay apart');
  });

  it('takes a range "[start - end]" as the turn end', () => {
    const list = turns('[00:00:01 - 00:00:03] Jane: Hello.\n[00:00:05 - 00:00:08] Sam: Hi there.');
    assert.deepEqual(brief(list), [
      ['Jane', 1, 3, 'exact'],
      ['Sam', 5, 8, 'exact'],
    ]);
  });

  it('places an untimed label line between timed ones and marks it estimated', () => {
    const list = turns(
      '[00:00:00] Jane: Hello there, how are you today?\n[00:00:03] Sam: Fine, thanks.\nKim: Me too.\n[00:00:10] Jane: Good to hear.',
    );
    assert.deepEqual(brief(list).map(([s, , , timing]) => [s, timing]), [
      ['Jane', 'exact'],
      ['Sam', 'exact'],
      ['Kim', 'estimated'],
      ['Jane', 'exact'],
    ]);
    assert.ok(list[2]!.start > 3 && list[2]!.start <= 10);
  });

  it('takes a timestamp that runs backwards as a typo, keeping times in order', () => {
    const list = turns('[00:01:00] Jane: First.\n[00:00:30] Sam: Second.\n[00:01:30] Jane: Third.');
    assert.deepEqual(list.map((t) => t.timing), ['exact', 'estimated', 'exact']);
    assert.ok(list[1]!.start >= 60 && list[1]!.start < 90);
  });

  it('does not take one "3:30 in the morning" for a timed transcript', () => {
    const list = turns('3:30 in the morning is when the bakers start.\nThe ovens take an hour to heat.\n\nBy six the first loaves are out.');
    assert.ok(list.every((t) => t.timing === 'estimated'));
    assert.match(list[0]!.text, /^3:30 in the morning/);
  });
});

describe('plain-text without labels or times', () => {
  it('reads blank-line paragraphs as turns with estimated times', () => {
    const list = turns('The mill stood empty for forty years.\nNobody wanted to pay for the roof.\n\nThen came the bake sale.');
    assert.deepEqual(list.map((t) => t.text), [
      'The mill stood empty for forty years. Nobody wanted to pay for the roof.',
      'Then came the bake sale.',
    ]);
    assert.ok(list.every((t) => t.timing === 'estimated' && t.speaker === null));
  });
});

describe('plain-text bad input', () => {
  it('refuses text without words', () => {
    assert.throws(() => plainTextReader.read('00:00:01\n00:00:05\n', 'a.txt'), InputError);
    assert.throws(() => plainTextReader.read('1, 2, 3\n', 'a.txt'), InputError);
  });

  it('refuses a transcript of labels without text', () => {
    assert.throws(
      () => plainTextReader.read('**Jane:**\n**Sam:**\n', 'a.txt'),
      (e: unknown) => e instanceof InputError && /no transcript text/.test(e.reason),
    );
  });

  it('turns markup into plain text', () => {
    const list = turns('Jane: <b>Hello</b> &amp; welcome.\nSam: <script>alert(1)</script> Hi.\nJane: Bye.\nSam: Bye.');
    assert.equal(list[0]!.text, 'Hello & welcome.');
    assert.equal(list[1]!.text, 'alert(1) Hi.');
  });
});
