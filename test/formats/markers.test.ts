// Non-speech markers: the one rule set every reader uses to tell sound notes ("[laughter]") from words in brackets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractMarkers, markerKind } from '../../src/formats/markers.js';
import { plainText } from '../../src/formats/text.js';

const kindOf = (note: string): string | null => {
  const square = note.startsWith('[');
  return markerKind(note.slice(1, -1), square);
};

describe('markerKind', () => {
  it('knows the usual kinds wherever the kind word stands in the note', () => {
    const cases: [string, string][] = [
      ['[inaudible 00:07:22]', 'inaudible'],
      ['[unintelligible]', 'inaudible'],
      ['(indiscernible)', 'inaudible'],
      ['[crosstalk]', 'crosstalk'],
      ['[cross talk]', 'crosstalk'],
      ['[laughter]', 'laughter'],
      ['(laughs)', 'laughter'],
      ['[audience laughing]', 'laughter'],
      ['(LAUGHS)', 'laughter'],
      ['[Applause]', 'applause'],
      ['(clapping)', 'applause'],
      ['[Music]', 'music'],
      ['[upbeat music]', 'music'],
      ['[♫ música ♫]', 'music'],
      ['[foreign]', 'foreign'],
      ['[speaking Spanish]', 'foreign'],
      ['(speaking in French)', 'foreign'],
      ['(in German)', 'foreign'],
      ['[Spanish]', 'foreign'],
      ['[foreign language]', 'foreign'],
      ['[BLANK_AUDIO]', 'other'],
      ['[silence]', 'other'],
      ['(pause)', 'other'],
      ['(sighs)', 'other'],
      ['(clears throat)', 'other'],
      ['[background noise]', 'other'],
    ];
    for (const [note, kind] of cases) assert.equal(kindOf(note), kind, note);
  });

  it('reads captions’ sound descriptions in square brackets: capitals and "noun + sound verb"', () => {
    for (const note of ['[DOOR SLAMS]', '[NO SOUND]', '[door slams]', '[Phone ringing]', '[whispering]', '[dog barks]']) {
      assert.equal(kindOf(note), 'other', note);
    }
    assert.equal(kindOf('(DOOR SLAMS)'), 'other');
  });

  it('leaves editorial notes, clarifications, names and asides as words', () => {
    for (const note of [
      '[sic]',
      '[SIC]',
      '[ph]',
      '[?]',
      '[the company]',
      '[his brother]',
      '[the music industry]',
      '(the music industry)',
      '[Elon Musk]',
      '[Steve Jobs]',
      '[00:07:22]',
      '(mostly)',
      '(NASA)',
      '(and I mean it)',
      '(music by a friend of mine)',
      '(he is French)',
      '(speaking softly)',
    ]) {
      assert.equal(kindOf(note), null, note);
    }
  });
});

describe('extractMarkers', () => {
  it('takes markers out, each at the offset of the text before it, without the separating space', () => {
    const { text, markers } = extractMarkers('So [inaudible] we won (laughter) and then [Applause].');
    assert.equal(text, 'So we won and then.');
    assert.deepEqual(markers, [
      { kind: 'inaudible', label: 'inaudible', offset: 2 },
      { kind: 'laughter', label: 'laughter', offset: 9 },
      { kind: 'applause', label: 'Applause', offset: 18 },
    ]);
    assert.equal(text.slice(0, markers[1]!.offset), 'So we won');
  });

  it('reads Markdown-escaped brackets and leaves clarifications in the text', () => {
    const { text, markers } = extractMarkers('He said [inaudible 00:07:22] and (laughs) then [the company] grew. \\[crosstalk\\]');
    assert.equal(text, 'He said and then [the company] grew.');
    assert.deepEqual(
      markers.map((m) => [m.kind, m.label, m.offset]),
      [
        ['inaudible', 'inaudible 00:07:22', 7],
        ['laughter', 'laughs', 11],
        ['crosstalk', 'crosstalk', 36],
      ],
    );
  });

  it('joins punctuation after a marker to the word before it, and drops it at the start', () => {
    assert.deepEqual(extractMarkers('Hello [laughs].'), { text: 'Hello.', markers: [{ kind: 'laughter', label: 'laughs', offset: 5 }] });
    assert.equal(extractMarkers('[crosstalk]. But then [inaudible], again.').text, 'But then, again.');
  });

  it('keeps a text of markers only as empty text, and a line of music notes as a music marker', () => {
    assert.deepEqual(extractMarkers('[Music] [Applause]').markers.map((m) => [m.kind, m.offset]), [
      ['music', 0],
      ['applause', 0],
    ]);
    assert.deepEqual(extractMarkers('♪ ♪'), { text: '', markers: [{ kind: 'music', label: '♪ ♪', offset: 0 }] });
    assert.equal(extractMarkers('♪ la la la ♪').text, '♪ la la la ♪', 'lyrics are words');
  });

  it('sorts a mixed line into kinds and keeps what is no marker', () => {
    const { text, markers } = extractMarkers('[Music] Hi (laughing) there [crosstalk] (applause) [BLANK_AUDIO] (speaking in French)');
    assert.equal(text, 'Hi there');
    assert.deepEqual(markers.map((m) => m.kind), ['music', 'laughter', 'crosstalk', 'applause', 'other', 'foreign']);
    assert.equal(extractMarkers('He said [sic] it was (mostly) fine').text, 'He said [sic] it was (mostly) fine');
  });

  it('works in linear time on texts full of markers and brackets', () => {
    for (const text of ['a [laughter] '.repeat(100_000), '[[[[(((('.repeat(100_000), `[${'x'.repeat(2_000_000)}`]) {
      const started = performance.now();
      extractMarkers(plainText(text));
      assert.ok(performance.now() - started < 10_000, text.slice(0, 12));
    }
  });
});
