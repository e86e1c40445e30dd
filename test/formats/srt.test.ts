// The SubRip (SRT) reader. SRT has no formal specification; these cases follow the shape the Matroska subtitle notes
// and the pysrt / srt / subsrt libraries accept, and the variants those libraries were patched for.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { srtReader } from '../../src/formats/srt.js';
import { detectReader } from '../../src/formats/detect.js';
import { InputError } from '../../src/model/errors.js';
import type { Turn } from '../../src/model/episode.js';
import { assertFragmentInvariants } from '../helpers/fragment.js';

function turns(text: string): Turn[] {
  const fragment = srtReader.read(text, 'test.srt');
  assertFragmentInvariants(fragment, 'test.srt');
  return fragment.transcript!.turns;
}

function brief(list: Turn[]): [string | null, number, number, string][] {
  return list.map((t) => [t.speaker, t.start, t.end, t.text]);
}

function refuses(text: string, pattern: RegExp, line?: number): void {
  assert.throws(
    () => srtReader.read(text, 'bad.srt'),
    (error: unknown) => {
      assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
      assert.match(error.reason, pattern);
      if (line !== undefined) assert.equal(error.line, line);
      return true;
    },
  );
}

const BASIC = '1\n00:00:01,000 --> 00:00:03,500\nWelcome to the show.\n\n2\n00:00:04,000 --> 00:00:06,250\nToday we talk about\nsubtitles.\n';

describe('srt detection', () => {
  it('is sure of a counter line followed by a timing line', () => {
    assert.equal(srtReader.detect(BASIC, 'episode.txt'), 0.95);
    assert.equal(srtReader.detect(BASIC, 'episode.srt'), 1);
  });

  it('claims a file that starts with a timing line (no counters, or headerless WebVTT)', () => {
    assert.equal(srtReader.detect('00:00:01,000 --> 00:00:02,000\nhi\n', 'a'), 0.9);
    assert.equal(srtReader.detect('\n\n00:00:01.000 --> 00:00:02.000\nhi\n', 'a'), 0.9);
  });

  it('is less sure when the timing lines come after other text', () => {
    assert.equal(srtReader.detect('My subtitles\nby me\n\n1\n00:00:01,000 --> 00:00:02,000\nhi\n', 'a'), 0.6);
  });

  it('claims a file with a malformed "-->" line, so reading names the line instead of falling back to prose', () => {
    const broken = '1\n00:00:xx,000 --> 00:00:02,000\nhello\n';
    assert.equal(srtReader.detect(broken, 'a.txt'), 0.5);
    assert.equal(detectReader(broken, 'a.txt').id, 'srt');
    refuses(broken, /start time "00:00:xx,000" is not a time/, 2);
    assert.equal(srtReader.detect('The flow is input --> output, always.\n', 'a.txt'), 0);
  });

  it('leaves WebVTT, JSON and prose to other readers', () => {
    assert.equal(srtReader.detect('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n', 'a.srt'), 0);
    assert.equal(srtReader.detect('{"transcript": "WEBVTT\\n\\n00:00.000 --> 00:01.000\\n hi"}', 'a.json'), 0);
    assert.equal(srtReader.detect('Speaker 1: hello\nSpeaker 2: hi 10:30 today\n', 'a.srt'), 0);
  });
});

describe('srt reading', () => {
  it('reads cues into exact turns, joining multi-line text with a space', () => {
    const fragment = srtReader.read(BASIC, 'a.srt');
    assert.deepEqual(brief(fragment.transcript!.turns), [
      [null, 1, 3.5, 'Welcome to the show.'],
      [null, 4, 6.25, 'Today we talk about subtitles.'],
    ]);
    assert.ok(fragment.transcript!.turns.every((t) => t.timing === 'exact'));
    assert.equal(fragment.meta.duration, 6.25);
  });

  it('tolerates missing, repeated, out-of-sequence and odd counters', () => {
    const list = turns('5\n00:00:01,000 --> 00:00:02,000\na\n\n5\n00:00:02,000 --> 00:00:03,000\nb\n\n1a\n00:00:03,000 --> 00:00:04,000\nc\n\n00:00:04,000 --> 00:00:05,000\nd\n');
    assert.deepEqual(
      list.map((t) => t.text),
      ['a', 'b', 'c', 'd'],
    );
  });

  it('reads "." before the milliseconds, one-digit fields and missing milliseconds', () => {
    const list = turns('1\n00:00:01.500 --> 00:00:02.000\na\n\n2\n0:0:5,2 --> 0:0:7,25\nb\n\n3\n00:00:08 --> 00:00:09\nc\n');
    assert.deepEqual(
      list.map((t) => [t.start, t.end]),
      [
        [1.5, 2],
        [5.2, 7.25],
        [8, 9],
      ],
    );
  });

  it('ignores coordinates after the end time', () => {
    assert.deepEqual(brief(turns('1\n00:00:01,000 --> 00:00:02,000 X1:100 X2:600 Y1:50 Y2:80\nhi\n')), [[null, 1, 2, 'hi']]);
  });

  it('skips empty cues', () => {
    const list = turns('1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n<i> </i>\n\n3\n00:00:03,000 --> 00:00:04,000\nhi\n');
    assert.deepEqual(brief(list), [[null, 3, 4, 'hi']]);
  });

  it('strips <i>, <b>, <u>, <font> tags and {\\an8}-style ASS override codes', () => {
    const list = turns(
      '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Up top</i> <b>bold</b> <u>u</u> <font color="#ff0">yellow</font>\n\n' +
        '2\n00:00:02,000 --> 00:00:03,000\n{\\i1}Fish{\\i0} &amp; chips\\Nwith peas\n',
    );
    assert.deepEqual(
      list.map((t) => t.text),
      ['Up top bold u yellow', 'Fish & chips with peas'],
    );
  });

  it('turns hostile markup into plain text', () => {
    assert.equal(turns('1\n00:00:01,000 --> 00:00:02,000\n<script>alert(1)</script>&lt;b&gt;x&lt;/b&gt;\n')[0]!.text, 'alert(1)x');
  });

  it('takes sound descriptions out of the text as markers', () => {
    const list = turns('1\n00:00:01,000 --> 00:00:02,000\n[Music]\n\n2\n00:00:02,000 --> 00:00:05,000\n(LAUGHS) Stop it. [door slams]\n');
    assert.deepEqual(list[0]!.markers, [{ kind: 'music', label: 'Music', offset: 0 }]);
    assert.equal(list[1]!.text, 'Stop it.');
    assert.deepEqual(list[1]!.markers, [
      { kind: 'laughter', label: 'LAUGHS', offset: 0 },
      { kind: 'other', label: 'door slams', offset: 8 },
    ]);
  });

  it('tolerates trailing whitespace, a missing blank line and no final newline', () => {
    const list = turns('1  \n00:00:01,000 --> 00:00:02,000   \nfirst   \n2\n00:00:02,000 --> 00:00:03,000\nsecond\n00:00:03,000 --> 00:00:04,000\nthird');
    assert.deepEqual(
      list.map((t) => t.text),
      ['first', 'second', 'third'],
    );
  });

  it('sorts cues by start time, as players do, keeping file order for equal starts', () => {
    const list = turns('1\n00:00:05,000 --> 00:00:06,000\nc\n\n2\n00:00:01,000 --> 00:00:02,000\na\n\n3\n00:00:01,000 --> 00:00:03,000\nb\n');
    assert.deepEqual(
      list.map((t) => t.text),
      ['a', 'b', 'c'],
    );
  });
});

describe('srt speakers', () => {
  it('splits dash-led dialogue lines into turns with the cue times', () => {
    assert.deepEqual(brief(turns('1\n00:00:01,000 --> 00:00:03,000\n- Where are you going?\n- Home.\n')), [
      [null, 1, 3, 'Where are you going?'],
      [null, 1, 3, 'Home.'],
    ]);
  });

  it('reads "- Name: text", "NAME: text" and ">> NAME:" as the speaker', () => {
    const list = turns(
      '1\n00:00:01,000 --> 00:00:02,000\n- Mary: Are you sure?\n- John Smith: Yes.\n\n' +
        '2\n00:00:02,000 --> 00:00:03,000\nNARRATOR: Meanwhile.\n\n' +
        '3\n00:00:03,000 --> 00:00:04,000\n>> DR. SMITH: Results.\n>> Thanks.\n\n' +
        '4\n00:00:04,000 --> 00:00:05,000\nSPEAKER 2:\nOn the next line.\n',
    );
    assert.deepEqual(brief(list), [
      ['Mary', 1, 2, 'Are you sure?'],
      ['John Smith', 1, 2, 'Yes.'],
      ['Narrator', 2, 3, 'Meanwhile.'],
      ['Dr. Smith', 3, 4, 'Results.'],
      [null, 3, 4, 'Thanks.'],
      ['Speaker 2', 4, 5, 'On the next line.'],
    ]);
  });

  it('does not take a capitalised word and a colon in prose for a name', () => {
    const list = turns('1\n00:00:01,000 --> 00:00:02,000\nQuestion: why?\n\n2\n00:00:02,000 --> 00:00:03,000\nAt 10:30 we left.\n');
    assert.deepEqual(
      list.map((t) => [t.speaker, t.text]),
      [
        [null, 'Question: why?'],
        [null, 'At 10:30 we left.'],
      ],
    );
  });

  it('carries the last named speaker through unlabelled cues; an unnamed dash changes to an unknown speaker', () => {
    const list = turns(
      '1\n00:00:01,000 --> 00:00:02,000\nWelcome back.\n\n' +
        '2\n00:00:02,000 --> 00:00:03,000\nMAYA OKAFOR: We start with the kelp.\n\n' +
        '3\n00:00:03,000 --> 00:00:04,000\nIt grows a foot a day.\n\n' +
        '4\n00:00:04,000 --> 00:00:05,000\nTOM: Really?\n\n' +
        '5\n00:00:05,000 --> 00:00:06,000\n- Yes.\n- Wow.\n\n' +
        '6\n00:00:06,000 --> 00:00:07,000\nAmazing.\n',
    );
    assert.deepEqual(
      list.map((t) => [t.speaker, t.text]),
      [
        [null, 'Welcome back.'],
        ['Maya Okafor', 'We start with the kelp.'],
        ['Maya Okafor', 'It grows a foot a day.'],
        ['Tom', 'Really?'],
        [null, 'Yes.'],
        [null, 'Wow.'],
        [null, 'Amazing.'],
      ],
    );
  });

  it('shows capitals-only names in title case and leaves other names as written', () => {
    const list = turns('1\n00:00:01,000 --> 00:00:02,000\n- MAYA: Hi.\n- Jean-Luc McKay: Hello.\n- DR. O\'NEIL-BAKER: Hey.\n');
    assert.deepEqual(list.map((t) => t.speaker), ['Maya', 'Jean-Luc McKay', "Dr. O'Neil-Baker"]);
  });

  it('does not split on a minus sign before a number', () => {
    assert.equal(turns('1\n00:00:01,000 --> 00:00:02,000\nIt was\n-5 degrees.\n')[0]!.text, 'It was -5 degrees.');
  });
});

describe('srt errors', () => {
  it('refuses a malformed timing line, naming the line', () => {
    refuses('1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n00:00:0x,000 --> 00:00:04,000\nthere\n', /start time "00:00:0x,000"/, 6);
    refuses('1\n00:00:01,000 --> 00:61:02,000\nhi\n', /end time "00:61:02,000"/, 2);
    refuses('1\n--> 00:00:02,000\nhi\n', /no start time/, 2);
  });

  it('refuses an end time before its start', () => {
    refuses('1\n00:00:05,000 --> 00:00:01,000\nhi\n', /end time 00:00:01\.000 is before start time 00:00:05\.000/, 2);
  });

  it('refuses a file with no cue, or only empty cues', () => {
    refuses('', /no subtitle cue/);
    refuses('just some text\n', /no subtitle cue/);
    refuses('1\n00:00:01,000 --> 00:00:02,000\n\n', /empty/);
  });
});

describe('srt speed', () => {
  it('reads 20,000 cues in well under a second', () => {
    const parts: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      parts.push(`${i + 1}\n${clock(i * 2)} --> ${clock(i * 2 + 2)}\n- Line ${i}, <i>with tags</i>.\n- ANSWER: and a reply.\n\n`);
    }
    const started = performance.now();
    const list = turns(parts.join(''));
    assert.equal(list.length, 40_000);
    assert.ok(performance.now() - started < 10_000);
  });
});

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')},000`;
}
