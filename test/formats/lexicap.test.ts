// The Lexicap reader: Whisper WebVTT inside {"title", "id", "transcript"} JSON (the shape of the Lexicap corpus).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lexicapReader } from '../../src/formats/lexicap.js';
import { InputError } from '../../src/model/errors.js';
import { assertFragmentInvariants } from '../helpers/fragment.js';

const VTT = 'WEBVTT\n\n00:00.000 --> 00:04.500\n The following is a conversation with Ada Example,\n\n00:04.500 --> 00:08.000\n a researcher.\n\n59:59.000 --> 1:00:02.500\n Past the hour.\n';

function episode(fields: Record<string, unknown> = {}): string {
  return JSON.stringify(
    { title: 'Ada Example: Machine Learning and Sound | Lex Fridman Podcast #999', id: 'abcDEF123_-', transcript: VTT, ...fields },
    null,
    2,
  );
}

function refuses(text: string, pattern: RegExp, field?: string): void {
  assert.throws(
    () => lexicapReader.read(text, 'bad.json'),
    (error: unknown) => {
      assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
      assert.match(error.reason, pattern);
      assert.equal(error.field, field);
      return true;
    },
  );
}

describe('lexicap detection', () => {
  it('is certain of JSON whose "transcript" starts with WEBVTT', () => {
    assert.equal(lexicapReader.detect(episode(), 'abcDEF123_-.json'), 1);
    assert.equal(lexicapReader.detect('{"transcript":"WEBVTT\\n\\n00:00.000 --> 00:01.000\\n hi\\n"}', 'x.json'), 1);
  });

  it('looks only at a prefix, so a 60 MB file costs no parsing', () => {
    // Whatever follows the prefix is never read: not even the garbage that makes the whole text invalid JSON.
    const huge = episode().slice(0, 200) + 'x'.repeat(60_000_000);
    assert.throws(() => JSON.parse(huge.slice(0, 1000)));
    assert.equal(lexicapReader.detect(huge, 'big.json'), 1);
  });

  it('leaves other JSON and plain WebVTT to other readers', () => {
    assert.equal(lexicapReader.detect('{"text": "hi", "segments": [{"start": 0, "end": 1, "text": "hi"}]}', 'w.json'), 0);
    assert.equal(lexicapReader.detect('{"transcript": "Hello there"}', 't.json'), 0);
    assert.equal(lexicapReader.detect('{"transcript": "WEBVTTX"}', 't.json'), 0);
    assert.equal(lexicapReader.detect(VTT, 'a.vtt'), 0);
  });
});

describe('lexicap reading', () => {
  it('reads the episode facts from the title and the YouTube id', () => {
    const fragment = lexicapReader.read(episode(), 'abcDEF123_-.json');
    assertFragmentInvariants(fragment, 'episode');
    assert.deepEqual(fragment.meta, {
      language: 'en',
      title: 'Ada Example: Machine Learning and Sound',
      show: 'Lex Fridman Podcast',
      number: 999,
      guests: ['Ada Example'],
      youtubeId: 'abcDEF123_-',
      sourceUrls: ['https://youtube.com/watch?v=abcDEF123_-'],
      duration: 3602.5,
    });
  });

  it('reads the WebVTT transcript into exact, unlabelled turns with leading spaces trimmed', () => {
    const turns = lexicapReader.read(episode(), 'e.json').transcript!.turns;
    assert.deepEqual(turns, [
      { speaker: null, start: 0, end: 4.5, timing: 'exact', text: 'The following is a conversation with Ada Example,' },
      { speaker: null, start: 4.5, end: 8, timing: 'exact', text: 'a researcher.' },
      { speaker: null, start: 3599, end: 3602.5, timing: 'exact', text: 'Past the hour.' },
    ]);
  });

  it('keeps speech order where Whisper wrote times going backwards, marking the repaired times estimated', () => {
    // As in the corpus (I51DuprOb0o, mC43pZkpTec): "1:53:36.420 --> 1:53:24.540", then cues restarting earlier.
    const transcript = 'WEBVTT\n\n10:00.000 --> 10:04.000\n linked, anchored to\n\n10:04.000 --> 09:52.000\n to specific\n\n09:52.000 --> 09:57.000\n people, because\n\n10:06.000 --> 10:08.000\n and so on.\n';
    const turns = lexicapReader.read(episode({ transcript }), 'e.json').transcript!.turns;
    assert.deepEqual(
      turns.map((t) => [t.text, t.start, t.end, t.timing]),
      [
        ['linked, anchored to', 600, 604, 'exact'],
        ['to specific', 604, 604, 'estimated'],
        ['people, because', 604, 604, 'estimated'],
        ['and so on.', 606, 608, 'exact'],
      ],
    );
  });

  it('accepts the keys in any order, extra keys, and a missing title or id', () => {
    const fragment = lexicapReader.read(JSON.stringify({ extra: 1, transcript: VTT }), 'x.json');
    assert.deepEqual(fragment.meta, { language: 'en', duration: 3602.5 });
  });

  it('reads WebVTT with CRLF line ends inside the JSON string', () => {
    const fragment = lexicapReader.read(episode({ transcript: VTT.replace(/\n/g, '\r\n') }), 'x.json');
    assert.equal(fragment.transcript!.turns.length, 3);
  });
});

describe('lexicap errors', () => {
  it('names the field when "transcript" is missing, not a string or not WebVTT', () => {
    refuses(episode({ transcript: 42 }), /expected text, got number 42/, 'transcript');
    refuses(JSON.stringify({ title: 'x', id: 'abcDEF123_-' }), /missing/, 'transcript');
    refuses(episode({ transcript: '1\n00:00:01,000 --> 00:00:02,000\nSRT\n' }), /WEBVTT/, 'transcript');
  });

  it('names the field when "id" is not a YouTube video id or "title" is not a string', () => {
    refuses(episode({ id: 'https://example.com/42' }), /must be an 11-character YouTube video id/, 'id');
    refuses(episode({ id: 12345678901 }), /expected text, got number/, 'id');
    refuses(episode({ title: ['a'] }), /expected text, got a list/, 'title');
  });

  it('points into the WebVTT text for a bad cue inside "transcript"', () => {
    const transcript = 'WEBVTT\n\n00:00.000 --> 00:01.000\n hi\n\n00:0a.000 --> 00:02.000\n there\n';
    refuses(episode({ transcript }), /start time "00:0a\.000" is not a time.*\(line 6 of the WebVTT text\)/, 'transcript');
  });

  it('refuses text that is not JSON, or JSON that is not an object', () => {
    refuses('{"title": "x", "transcript": "WEBVTT', /the JSON ends too early/);
    refuses('{"title": "x",, "transcript": "WEBVTT"}', /not valid JSON/);
    refuses('[{"transcript": "WEBVTT"}]', /should be an object, got a list/);
    refuses('null', /should be an object, got null/);
  });
});
