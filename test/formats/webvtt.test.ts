// The WebVTT reader, against the W3C specification ("WebVTT: The Web Video Text Tracks Format") and the variants
// found in the wild (YouTube captions, Whisper output). Spec examples live in test/fixtures/webvtt/spec-*.vtt.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseWebVtt, webvttReader } from '../../src/formats/webvtt.js';
import { decodeBytes } from '../../src/formats/decode.js';
import { InputError } from '../../src/model/errors.js';
import type { Turn } from '../../src/model/episode.js';
import { assertFragmentInvariants } from '../helpers/fragment.js';

const FIXTURES = new URL('../fixtures/webvtt/', import.meta.url);

function fixture(name: string): string {
  return decodeBytes(readFileSync(new URL(name, FIXTURES))).text;
}

function turns(text: string): Turn[] {
  const fragment = webvttReader.read(text, 'test.vtt');
  assertFragmentInvariants(fragment, 'test.vtt');
  return fragment.transcript!.turns;
}

function brief(list: Turn[]): [string | null, number, number, string][] {
  return list.map((t) => [t.speaker, t.start, t.end, t.text]);
}

function refuses(text: string, pattern: RegExp, line?: number): void {
  assert.throws(
    () => webvttReader.read(text, 'bad.vtt'),
    (error: unknown) => {
      assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
      assert.match(error.reason, pattern);
      if (line !== undefined) assert.equal(error.line, line);
      return true;
    },
  );
}

describe('webvtt detection', () => {
  it('is certain of a file that starts with the WEBVTT signature', () => {
    assert.equal(webvttReader.detect('WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n', 'a.vtt'), 1);
    assert.equal(webvttReader.detect('WEBVTT - with a title\n', 'a.txt'), 1);
    assert.equal(webvttReader.detect('WEBVTT\tafter a tab\n', 'a'), 1);
    assert.equal(webvttReader.detect('WEBVTT', 'a'), 1);
  });

  it('still claims a signature after blank lines, a little less surely', () => {
    assert.equal(webvttReader.detect('\n\nWEBVTT\n\n00:00.000 --> 00:01.000\nhi\n', 'a.vtt'), 0.95);
  });

  it('does not claim files without the signature, even named .vtt', () => {
    assert.equal(webvttReader.detect('WEBVTTX\n', 'a.vtt'), 0);
    assert.equal(webvttReader.detect('webvtt\n', 'a.vtt'), 0);
    assert.equal(webvttReader.detect('1\n00:00:01,000 --> 00:00:02,000\nhi\n', 'a.vtt'), 0);
    assert.equal(webvttReader.detect('{"transcript": "WEBVTT\\n\\n"}', 'a.json'), 0);
  });
});

describe('webvtt reading (specification examples)', () => {
  it('reads voice spans as speakers and ignores cue settings (the interview example)', () => {
    const list = turns(fixture('spec-interview.vtt'));
    assert.equal(list.length, 13);
    assert.deepEqual(brief(list.slice(8, 12)), [
      ['Roger Bingham', 30, 31.5, 'When we e-mailed—'],
      ['Neil deGrasse Tyson', 30.5, 32.5, "Didn't we talk about enough in that conversation?"],
      ['Roger Bingham', 32, 35.5, "No! No no no no; 'cos 'cos obviously 'cos"],
      ['Neil deGrasse Tyson', 32.5, 33.5, 'Laughs'],
    ]);
    assert.ok(list.every((t) => t.timing === 'exact'));
  });

  it('keeps the classes of a voice out of its name, and unvoiced text after </v> as its own turn', () => {
    assert.deepEqual(brief(turns(fixture('spec-voices.vtt'))), [
      ['Esme', 0, 2, "It's a blue apple tree!"],
      ['Mary', 2, 4, 'No way!'],
      ['Esme', 4, 6, 'Hee!'],
      [null, 4, 6, 'laughter'],
      ['Mary', 6, 8, "That's awesome!"],
    ]);
  });

  it('splits dash-led dialogue lines into turns and joins wrapped lines with a space', () => {
    const list = turns(fixture('spec-line-breaks.vtt'));
    assert.deepEqual(brief(list.slice(0, 3)), [
      [null, 1, 4, 'Never drink liquid nitrogen.'],
      [null, 5, 9, 'It will perforate your stomach.'],
      [null, 5, 9, 'You could die.'],
    ]);
  });

  it('skips STYLE, NOTE and REGION blocks and cue identifiers', () => {
    assert.deepEqual(brief(turns(fixture('spec-style.vtt'))), [[null, 0, 10, 'Hello world.']]);
    const regions = turns(fixture('spec-regions.vtt'));
    assert.equal(regions.length, 6);
    assert.deepEqual(brief(regions.slice(0, 2)), [
      ['Fred', 0, 20, 'Hi, my name is Fred'],
      ['Bill', 2.5, 22.5, "Hi, I'm Bill"],
    ]);
    assert.deepEqual(
      turns(fixture('spec-identifiers.vtt')).map((t) => t.text),
      ['This is a test.', "That's an, an, that's an L!", 'Transcrit par Célestes™'],
    );
    assert.deepEqual(
      turns(fixture('spec-comments.vtt')).map((t) => t.text),
      ['Never drink liquid nitrogen.', 'It will perforate your stomach.', 'You could die.'],
    );
    assert.deepEqual(
      turns(fixture('spec-chapters.vtt')).map((t) => t.text),
      ['Title Slide', 'Introduction by Naomi Black', 'Impact of Captions on the Web', 'Requirements of a Video text format'],
    );
  });

  it('strips class and language spans', () => {
    assert.equal(turns(fixture('spec-language.vtt'))[1]!.text, 'Sur les playground, ici à Montpellier');
    assert.equal(turns(fixture('spec-classes.vtt'))[0]!.text, 'This is yellow text on a blue background');
  });

  it('takes the language from an ATTRIBUTES block and sound descriptions as markers', () => {
    const fragment = webvttReader.read(fixture('spec-attributes-sdh.vtt'), 'sdh.vtt');
    assert.equal(fragment.meta.language, 'es-mx');
    const music = fragment.transcript!.turns[1]!;
    assert.equal(music.text, '');
    assert.deepEqual(music.markers, [{ kind: 'music', label: '♫ música ♫', offset: 0 }]);
  });

  it('refuses a metadata track: its cues are data, not speech', () => {
    refuses(fixture('bad/spec-metadata.vtt'), /metadata/);
  });
});

describe('webvtt reading (cue text)', () => {
  it('splits a cue holding several voices into turns with the same cue times', () => {
    const list = turns('WEBVTT\n\n00:01.000 --> 00:04.000\n<v Ana>Did you see it?</v> <v.loud Ben>I did!</v>\n');
    assert.deepEqual(brief(list), [
      ['Ana', 1, 4, 'Did you see it?'],
      ['Ben', 1, 4, 'I did!'],
    ]);
  });

  it('lets an unclosed voice run to the next voice or the end of the cue, across lines', () => {
    const list = turns('WEBVTT\n\n00:01.000 --> 00:04.000\n<v Ana>first line\nsecond line <v Ben>answer\n');
    assert.deepEqual(brief(list), [
      ['Ana', 1, 4, 'first line second line'],
      ['Ben', 1, 4, 'answer'],
    ]);
  });

  it('strips bold, italic, underline, class, language and karaoke timestamp tags, and ruby annotations', () => {
    const list = turns(
      'WEBVTT\n\n00:01.000 --> 00:04.000\n' +
        '<b>bold</b> <i>it</i> <u>u</u> <c.yellow.bg_blue>c</c> <lang en-GB>colour</lang> ' +
        'one<00:00:02.000> two<00:00:03.000> <ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>\n',
    );
    assert.equal(list[0]!.text, 'bold it u c colour one two 漢字');
  });

  it('decodes named and numeric character references', () => {
    const list = turns('WEBVTT\n\n00:01.000 --> 00:04.000\nR&amp;D &lt;3 caf&eacute;&nbsp;&#8212; &#x263A; &quot;ok&quot;\n');
    assert.equal(list[0]!.text, 'R&D <3 café — ☺ "ok"');
  });

  it('turns escaped or hostile tags into plain text, never markup', () => {
    const list = turns('WEBVTT\n\n00:01.000 --> 00:04.000\n<script>alert(1)</script>&lt;b&gt;x&lt;/b&gt; &amp;amp;\n');
    assert.equal(list[0]!.text, 'alert(1)x &');
  });

  it('keeps a stray "<" as text', () => {
    assert.equal(turns('WEBVTT\n\n00:01.000 --> 00:02.000\na < b and c <d\n')[0]!.text, 'a < b and c <d');
  });

  it('takes [Music], [Applause], (laughter) and [inaudible] out of the text as markers', () => {
    const list = turns(
      'WEBVTT\n\n00:01.000 --> 00:02.000\n[Music]\n\n00:02.000 --> 00:05.000\n' +
        'So [inaudible] we won (laughter) and then [Applause].\n',
    );
    assert.deepEqual(list[0]!.markers, [{ kind: 'music', label: 'Music', offset: 0 }]);
    assert.equal(list[1]!.text, 'So we won and then.');
    assert.deepEqual(list[1]!.markers, [
      { kind: 'inaudible', label: 'inaudible', offset: 2 },
      { kind: 'laughter', label: 'laughter', offset: 9 },
      { kind: 'applause', label: 'Applause', offset: 18 },
    ]);
  });

  it('leaves ordinary parenthesised speech in the text', () => {
    assert.equal(turns('WEBVTT\n\n00:01.000 --> 00:02.000\nIt was (and is) great.\n')[0]!.text, 'It was (and is) great.');
  });

  it('reads ">> NAME:" caption speaker changes when no voice span is given', () => {
    const list = turns('WEBVTT\n\n00:01.000 --> 00:02.000\n>> HOST: Hello. >> Hi.\n');
    assert.deepEqual(brief(list), [
      ['Host', 1, 2, 'Hello.'],
      [null, 1, 2, 'Hi.'],
    ]);
  });

  it('carries a ">> NAME:" speaker through later cues without voice spans', () => {
    const list = turns('WEBVTT\n\n00:01.000 --> 00:02.000\n>> MAYA OKAFOR: Hello.\n\n00:02.000 --> 00:03.000\nwe start today\n\n00:03.000 --> 00:04.000\n>> Thanks.\n');
    assert.deepEqual(
      list.map((t) => [t.speaker, t.text]),
      [
        ['Maya Okafor', 'Hello.'],
        ['Maya Okafor', 'we start today'],
        [null, 'Thanks.'],
      ],
    );
  });

  it('drops empty cues instead of making empty turns', () => {
    const list = turns('WEBVTT\n\n00:01.000 --> 00:02.000\n<i> </i>\n\n00:02.000 --> 00:03.000\n\n00:03.000 --> 00:04.000\nhi\n');
    assert.deepEqual(brief(list), [[null, 3, 4, 'hi']]);
  });
});

describe('webvtt reading (structure and times)', () => {
  it('reads hour-less times, times past an hour and keeps millisecond precision', () => {
    const list = turns('WEBVTT\n\n00:00.001 --> 59:59.999\na\n\n1:00:00.000 --> 01:00:02.500\nb\n\n100:00:00.000 --> 100:00:01.000\nc\n');
    assert.deepEqual(
      list.map((t) => [t.start, t.end]),
      [
        [0.001, 3599.999],
        [3600, 3602.5],
        [360000, 360001],
      ],
    );
  });

  it('reads header metadata lines (YouTube writes Kind and Language there) without taking them as text', () => {
    const fragment = webvttReader.read('WEBVTT\nKind: captions\nLanguage: en\n\n00:01.000 --> 00:02.000\nhi\n', 'yt.vtt');
    assert.equal(fragment.meta.language, 'en');
    assert.deepEqual(brief(fragment.transcript!.turns), [[null, 1, 2, 'hi']]);
  });

  it('starts a cue at a timing line even without the blank line before it', () => {
    const list = turns('WEBVTT\n00:01.000 --> 00:02.000\nno blank after the header\n00:02.000 --> 00:03.000\nnone here\n2\n00:03.000 --> 00:04.000\nnor here\n');
    assert.deepEqual(
      list.map((t) => t.text),
      ['no blank after the header', 'none here', 'nor here'],
    );
  });

  it('treats lines of spaces as blank and ignores trailing spaces and CR line ends', () => {
    const list = turns('WEBVTT\r\n\r\n00:01.000 --> 00:02.000   \r\nfirst   \r\n   \r\n2\r\n00:02.000 --> 00:03.000\r\nsecond\r\n');
    assert.deepEqual(
      list.map((t) => t.text),
      ['first', 'second'],
    );
  });

  it('sorts cues that are out of order by start time, keeping file order for equal starts', () => {
    const list = turns('WEBVTT\n\n00:05.000 --> 00:06.000\nc\n\n00:01.000 --> 00:02.000\na\n\n00:01.000 --> 00:01.500\nb\n');
    assert.deepEqual(
      list.map((t) => t.text),
      ['a', 'b', 'c'],
    );
  });

  it('keeps overlapping and zero-length cues as Whisper writes them, with leading spaces trimmed', () => {
    const list = turns('WEBVTT\n\n00:00.000 --> 00:05.260\n The following\n\n00:05.000 --> 00:05.000\n is a test.\n');
    assert.deepEqual(brief(list), [
      [null, 0, 5.26, 'The following'],
      [null, 5, 5, 'is a test.'],
    ]);
  });

  it('gives the latest end time as the duration', () => {
    const fragment = webvttReader.read('WEBVTT\n\n00:01.000 --> 00:09.000\na\n\n00:02.000 --> 00:03.000\nb\n', 'x.vtt');
    assert.equal(fragment.meta.duration, 9);
  });
});

describe('webvtt errors', () => {
  it('refuses a file without the WEBVTT header', () => {
    refuses('00:01.000 --> 00:02.000\nhi\n', /WEBVTT/, 1);
    refuses('WEBVTTX\n\n00:01.000 --> 00:02.000\nhi\n', /WEBVTT/, 1);
    refuses('', /WEBVTT/);
  });

  it('refuses a malformed timing line, naming the line', () => {
    refuses('WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n\n00:03.000 --> 00:0x.000\nthere\n', /end time "00:0x.000" is not a time/, 6);
    refuses('WEBVTT\n\n00:01.000 -->\nhi\n', /no end time/, 3);
    refuses('WEBVTT\n\nid\n99:99:99.999 --> 00:00:01.000\nhi\n', /start time "99:99:99.999"/, 4);
  });

  it('refuses an end time before its start, naming both and the line', () => {
    refuses('WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nhi\n', /end time 00:00:01\.000 is before start time 00:00:05\.000/, 3);
  });

  it('refuses a file with no cue, or no cue with text', () => {
    refuses('WEBVTT\n\nNOTE only a comment\n', /no cues/);
    refuses('WEBVTT\n', /no cues/);
    refuses('WEBVTT\n\n00:01.000 --> 00:02.000\n<b></b>\n', /empty/);
  });
});

describe('webvtt Whisper mode (used by the Lexicap reader)', () => {
  it('keeps file order and repairs times that go backwards, marking them estimated', () => {
    const doc = parseWebVtt(
      'WEBVTT\n\n00:10.000 --> 00:12.000\n a\n\n00:12.000 --> 00:08.000\n b\n\n00:08.000 --> 00:13.000\n c\n\n00:14.000 --> 00:15.000\n d\n',
      { mode: 'whisper' },
    );
    assert.deepEqual(
      doc.turns.map((t) => [t.text, t.start, t.end, t.timing]),
      [
        ['a', 10, 12, 'exact'],
        ['b', 12, 12, 'estimated'],
        ['c', 12, 13, 'estimated'],
        ['d', 14, 15, 'exact'],
      ],
    );
    assert.equal(doc.duration, 15);
  });
});

describe('webvtt speed and hostile input', () => {
  it('reads 20,000 cues in well under a second', () => {
    const parts = ['WEBVTT\n'];
    for (let i = 0; i < 20_000; i++) {
      const s = i * 2;
      parts.push(`\n${i + 1}\n${clock(s)} --> ${clock(s + 2)}\n<v Speaker ${i % 3}>Line number ${i} of a long file &amp; more.\n`);
    }
    const started = performance.now();
    const list = turns(parts.join(''));
    assert.equal(list.length, 20_000);
    assert.ok(performance.now() - started < 10_000);
  });

  it('stays linear on a 2 MB line of unclosed tags and comments', () => {
    for (const junk of ['<!--'.repeat(500_000), '< '.repeat(1_000_000) + '>', '<a'.repeat(1_000_000), '&amp;'.repeat(400_000)]) {
      const started = performance.now();
      // read directly: the fragment helper's own markup regex is quadratic on "<a<a<a…", which is not what is timed.
      const fragment = webvttReader.read(`WEBVTT\n\n00:01.000 --> 00:02.000\n${junk}\n`, 'junk.vtt');
      assert.ok(fragment.transcript!.turns.length <= 1);
      assert.ok(performance.now() - started < 10_000, `${junk.slice(0, 6)}… took too long`);
    }
  });
});

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.000`;
}
