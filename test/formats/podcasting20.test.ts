import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { podcasting20Reader as reader } from '../../src/formats/podcasting20.js';
import { endsSentence, joinPieces, mergeIntoSentences } from '../../src/formats/turns.js';
import { InputError } from '../../src/model/errors.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/podcasting20/${name}`, import.meta.url), 'utf8');

interface Segment {
  speaker?: string | null;
  startTime: number;
  endTime?: number;
  body: string;
}
const doc = (segments: Segment[]): string => JSON.stringify({ version: '1.0.0', segments });
const read = (text: string) => reader.read(text, 'transcript.json');
const turnsOf = (segments: Segment[]) => read(doc(segments)).transcript?.turns ?? [];

/** One segment per word, 0.3 s apart, as hosting services write them. */
function words(speaker: string | null, text: string, from: number): Segment[] {
  return text.split(' ').map((body, i) => ({ speaker, startTime: from + i * 0.3, endTime: from + i * 0.3 + 0.25, body }));
}

function refuses(text: string, pattern: RegExp, field?: string): void {
  assert.throws(
    () => read(text),
    (e: unknown) => e instanceof InputError && pattern.test(e.reason) && (field === undefined || e.field === field),
  );
}

describe('podcasting20 reader', () => {
  describe('the spec example', () => {
    const fragment = read(fixture('spec-example.json'));

    it('merges one-word segments of a speaker into a sentence, keeping exact start and end', () => {
      assert.deepEqual(fragment.transcript!.turns, [
        { speaker: 'Darth Vader', start: 0.5, end: 2.5, timing: 'exact', text: 'I am your father.' },
        { speaker: 'Luke', start: 2.75, end: 3, timing: 'exact', text: 'Nooooo' },
      ]);
    });

    it('lists the speakers and takes the duration from the last end', () => {
      assert.deepEqual(fragment.speakers, [{ name: 'Darth Vader' }, { name: 'Luke' }]);
      assert.equal(fragment.meta.duration, 3);
    });

    it('trims the newline the spec snippet leaves in a body ("father.\\n")', () => {
      const turns = turnsOf([
        { speaker: 'Darth Vader', startTime: 2.25, endTime: 2.5, body: 'father.\n' },
        { speaker: 'Darth Vader', startTime: 2.6, endTime: 2.9, body: 'Search' },
      ]);
      assert.deepEqual(turns.map((t) => t.text), ['father.', 'Search']);
    });
  });

  describe('merging word-level segments', () => {
    it('cuts at sentence-ending punctuation', () => {
      const turns = turnsOf(words('Ann', 'One two. Three four? Five!', 0));
      assert.deepEqual(turns.map((t) => t.text), ['One two.', 'Three four?', 'Five!']);
    });

    it('cuts at a change of speaker', () => {
      const turns = turnsOf([...words('Ann', 'so anyway', 0), ...words('Bob', 'right right', 0.6)]);
      assert.deepEqual(turns.map((t) => [t.speaker, t.text]), [['Ann', 'so anyway'], ['Bob', 'right right']]);
    });

    it('cuts at a silence longer than 2 seconds', () => {
      const turns = turnsOf([...words('Ann', 'and then', 0), ...words('Ann', 'nothing', 2.9)]);
      assert.deepEqual(turns.map((t) => t.text), ['and then', 'nothing']);
    });

    it('cuts a run-on stretch at about 30 seconds', () => {
      const many = Array.from({ length: 200 }, () => 'word').join(' ');
      const turns = turnsOf(words('Ann', many, 0));
      assert.ok(turns.length >= 2);
      assert.ok(turns.every((t) => t.end - t.start <= 30));
    });

    it('does not cut after a title such as "Dr." or an initial', () => {
      const turns = turnsOf(words('Ann', 'ask Dr. Ortiz and J. Smith now.', 0));
      assert.equal(turns.length, 1);
    });

    it('attaches punctuation-only segments without a space', () => {
      const turns = turnsOf([
        { speaker: 'A', startTime: 0, endTime: 0.3, body: 'podcasts' },
        { speaker: 'A', startTime: 0.3, endTime: 0.3, body: ',' },
        { speaker: 'A', startTime: 0.4, endTime: 0.6, body: 'um,' },
        { speaker: 'A', startTime: 0.7, endTime: 0.9, body: 'yes' },
      ]);
      assert.equal(turns[0]!.text, 'podcasts, um, yes');
    });

    it('keeps caption-sized segments that share their times as one sentence', () => {
      const turns = read(fixture('captions.json')).transcript!.turns;
      assert.deepEqual(turns[0], {
        speaker: 'James',
        start: 0.035,
        end: 6.1,
        timing: 'exact',
        text: "it's Friday, the 5th of May. The last word in podcasting news.",
      });
    });

    it('orders segments by start time', () => {
      const turns = turnsOf([
        { speaker: 'B', startTime: 5, endTime: 6, body: 'Later.' },
        { speaker: 'A', startTime: 1, endTime: 2, body: 'Earlier.' },
      ]);
      assert.deepEqual(turns.map((t) => t.text), ['Earlier.', 'Later.']);
    });
  });

  describe('fields', () => {
    it('trims speaker names and gives null for a missing or blank speaker', () => {
      const turns = turnsOf([
        { speaker: '  Maya ', startTime: 0, endTime: 1, body: 'Hi.' },
        { speaker: '', startTime: 1, endTime: 2, body: 'Who?' },
        { startTime: 2, endTime: 3, body: 'Me.' },
      ]);
      assert.deepEqual(turns.map((t) => t.speaker), ['Maya', null, null]);
    });

    it('estimates a missing endTime from the words, not past the next start', () => {
      const turns = turnsOf([
        { speaker: 'A', startTime: 0, body: 'One two three four five six seven eight nine ten.' },
        { speaker: 'B', startTime: 1.5, endTime: 2, body: 'Stop.' },
      ]);
      assert.equal(turns[0]!.end, 1.5);
    });

    it('clamps an end a hair before its start (rounding noise) to the start', () => {
      assert.equal(turnsOf([{ speaker: 'A', startTime: 2.16, endTime: 2.159, body: 'Uh,' }])[0]!.end, 2.16);
    });

    it('decodes entities, removes tags and sets markers aside', () => {
      const turns = turnsOf([{ speaker: 'A', startTime: 0, endTime: 2, body: 'Tom &amp; <b>Jerry</b> [laughter]' }]);
      assert.equal(turns[0]!.text, 'Tom & Jerry');
      assert.deepEqual(turns[0]!.markers, [{ kind: 'laughter', label: 'laughter', offset: 11 }]);
    });
  });

  describe('bad input', () => {
    it('refuses a startTime written as a string, naming the field', () => {
      refuses(fixture('bad/start-time-as-string.json'), /expected a number, got the text "0.5"/, 'segments[0].startTime');
    });

    it('refuses negative times', () => {
      refuses(fixture('bad/negative-start-time.json'), /negative/, 'segments[0].startTime');
    });

    it('refuses NaN (not JSON), naming the line', () => {
      assert.throws(() => read('{"segments": [\n{"startTime": NaN, "body": "x"}]}'), (e: unknown) => e instanceof InputError && e.line === 2);
    });

    it('refuses an end well before its start', () => {
      refuses(fixture('bad/end-before-start.json'), /end time 1 is before start time 9/, 'segments[0].endTime');
    });

    it('refuses a segment without a body', () => {
      refuses(fixture('bad/missing-body.json'), /missing/, 'segments[0].body');
    });

    it('refuses a list at the top level and segments that are not a list', () => {
      refuses(fixture('bad/top-level-list.json'), /object with a "segments" list/);
      refuses(fixture('bad/segments-not-a-list.json'), /expected a list/, 'segments');
    });

    it('refuses a transcript with no text', () => {
      refuses(doc([]), /no segment has any text/, 'segments');
      refuses(doc([{ speaker: 'A', startTime: 0, endTime: 1, body: '  ' }]), /no segment has any text/);
    });

    it('says a cut-off file ends too early', () => {
      refuses(fixture('bad/truncated.json'), /ends too early/);
    });
  });

  describe('detection', () => {
    it('is certain of a document with a version and its own keys', () => {
      assert.equal(reader.detect(fixture('spec-example.json'), 'x.json'), 1);
    });

    it('is confident without the version', () => {
      assert.equal(reader.detect('{"segments": [{"speaker": "A", "startTime": 0, "body": "hi"}]}', 'x.json'), 0.9);
    });

    it('leaves Whisper JSON, lexicap JSON and HTML alone', () => {
      assert.equal(reader.detect('{"text": " hi", "segments": [{"start": 0, "end": 1, "text": " hi"}]}', 'x.json'), 0);
      assert.equal(reader.detect('{"title": "x", "id": "y", "transcript": "WEBVTT\\n\\n..."}', 'x.json'), 0);
      assert.equal(reader.detect('<cite>A:</cite><time>0:00</time><p>x</p>', 'x.html'), 0);
    });
  });
});

describe('joinPieces', () => {
  it('adds a space between words but not before punctuation or clitics', () => {
    assert.equal(joinPieces(['I', "'m", 'here', ',', 'ok', '.']), "I'm here, ok.");
  });

  it('keeps the spacing Whisper words carry', () => {
    assert.equal(joinPieces([' Hello', ' world', '!']), ' Hello world!');
  });

  it('joins CJK characters without spaces', () => {
    assert.equal(joinPieces(['我', '们', '走', '吧']), '我们走吧');
  });
});

describe('endsSentence', () => {
  it('knows sentence ends from titles and initials', () => {
    assert.ok(endsSentence('father.'));
    assert.ok(endsSentence('really?"'));
    assert.ok(endsSentence('好。'));
    assert.ok(!endsSentence('Dr.'));
    assert.ok(!endsSentence('J.'));
    assert.ok(!endsSentence('and'));
  });
});

describe('mergeIntoSentences', () => {
  it('keeps the earliest start and the latest end of what it merges', () => {
    const merged = mergeIntoSentences([
      { speaker: 'A', start: 1, end: 3, text: 'a' },
      { speaker: 'A', start: 1, end: 2.5, text: 'b.' },
    ]);
    assert.deepEqual(merged, [{ speaker: 'A', start: 1, end: 3, text: 'a b.' }]);
  });
});

describe('scale', () => {
  it('stays linear when thousands of words share one time and never end a sentence', () => {
    const segments = Array.from({ length: 100_000 }, () => ({ speaker: 'A', startTime: 0, endTime: 0, body: 'word' }));
    const started = performance.now();
    const turns = read(doc(segments)).transcript!.turns;
    assert.equal(turns.length, 1);
    assert.ok(performance.now() - started < 10_000);
  });
});
