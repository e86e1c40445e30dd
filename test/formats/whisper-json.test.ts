import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { whisperJsonReader as reader } from '../../src/formats/whisper-json.js';
import { normalizeLanguage } from '../../src/formats/language.js';
import { InputError } from '../../src/model/errors.js';
import type { Turn } from '../../src/model/episode.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/whisper-json/${name}`, import.meta.url), 'utf8');

const read = (text: string) => reader.read(text, 'transcript.json');
const turnsOf = (data: unknown): Turn[] => read(JSON.stringify(data)).transcript?.turns ?? [];
const brief = (turns: Turn[]) => turns.map((t) => [t.speaker, t.start, t.end, t.text]);

function refuses(text: string, pattern: RegExp, field?: string): void {
  assert.throws(
    () => read(text),
    (e: unknown) => e instanceof InputError && pattern.test(e.reason) && (field === undefined || e.field === field),
  );
}

describe('whisper-json reader', () => {
  describe('openai-whisper --output_format json', () => {
    const fragment = read(fixture('openai-whisper.json'));
    const turns = fragment.transcript!.turns;

    it('reads a turn per segment with exact times and no speaker', () => {
      assert.deepEqual(turns[0], {
        speaker: null,
        start: 0,
        end: 4.2,
        timing: 'exact',
        text: "Welcome back to the show. Today we're talking about tide pools.",
      });
    });

    it('trims the leading space of segment texts and drops empty segments', () => {
      assert.equal(turns.length, 5);
      assert.ok(turns.every((t) => t.text === t.text.trim()));
    });

    it('moves "[Music]" into a marker', () => {
      assert.deepEqual(turns[2], {
        speaker: null,
        start: 9.8,
        end: 12.5,
        timing: 'exact',
        text: '',
        markers: [{ kind: 'music', label: 'Music', offset: 0 }],
      });
    });

    it('takes the language from the file and the duration from the last end', () => {
      assert.equal(fragment.meta.language, 'en');
      assert.equal(fragment.meta.duration, 23.6);
    });
  });

  describe('other tools', () => {
    it('maps the OpenAI API language name "english" to "en"', () => {
      assert.equal(read(fixture('openai-api-verbose.json')).meta.language, 'en');
    });

    it('reads faster-whisper segment lists whose words are [start, end, word, probability] lists', () => {
      assert.deepEqual(brief(read(fixture('faster-whisper.json')).transcript!.turns), [
        [null, 0, 3.1, "Okay, we're recording."],
        [null, 3.1, 7.45, "Let's start with the basics of a tide pool."],
      ]);
    });

    it('reads stable-ts output', () => {
      const turns = read(fixture('stable-ts.json')).transcript!.turns;
      assert.deepEqual(brief(turns)[1], [null, 4.3, 6.72, 'They hold water inside.']);
    });

    it('reads whisper.cpp -oj: times from offsets, language from result, [BLANK_AUDIO] as a marker', () => {
      const fragment = read(fixture('whisper-cpp.json'));
      assert.equal(fragment.meta.language, 'en');
      const turns = fragment.transcript!.turns;
      assert.deepEqual(turns[0]!.markers, [{ kind: 'other', label: 'BLANK_AUDIO', offset: 0 }]);
      assert.deepEqual(brief(turns)[1], [null, 2, 6.48, "It's low tide at seven this morning, so we're out early."]);
    });

    it('reads whisper.cpp -ojf with --diarize: channel speakers, "?" as unknown', () => {
      const turns = read(fixture('whisper-cpp-full-diarize.json')).transcript!.turns;
      assert.deepEqual(turns.map((t) => t.speaker), ['Speaker 1', 'Speaker 0', null]);
    });

    it('reads whisper.cpp timestamps when offsets are missing', () => {
      const turns = turnsOf({
        result: { language: 'de' },
        transcription: [{ timestamps: { from: '00:01:02,500', to: '00:01:04,000' }, text: ' Hallo.' }],
      });
      assert.deepEqual(brief(turns), [[null, 62.5, 64, 'Hallo.']]);
    });

    it('repairs the invalid JSON old whisper.cpp wrote (raw newlines, Windows paths)', () => {
      const text =
        '{"params": {"model": "D:\\models\\ggml-base.bin", "language": "en"},\n' +
        '"transcription": [{"offsets": {"from": 0, "to": 1500}, "text": " two\nlines"}]}';
      assert.deepEqual(brief(read(text).transcript!.turns), [[null, 0, 1.5, 'two lines']]);
    });

    it('reads insanely-fast-whisper speakers, estimating the null end of the last chunk', () => {
      const turns = read(fixture('insanely-fast-whisper.json')).transcript!.turns;
      assert.deepEqual(turns.map((t) => t.speaker), ['SPEAKER_01', 'SPEAKER_00', 'SPEAKER_01']);
      assert.ok(turns[2]!.end > 8);
    });

    it('merges word-level chunks into sentences', () => {
      const turns = read(fixture('insanely-fast-whisper-words.json')).transcript!.turns;
      assert.deepEqual(turns.map((t) => t.text), ['Hello and welcome.', 'This is Low Tide Radio, episode twelve.']);
    });

    it('merges the OpenAI API word list when there are no segments', () => {
      const turns = turnsOf({
        task: 'transcribe',
        language: 'english',
        text: 'Hi there. Bye.',
        words: [
          { word: 'Hi', start: 0, end: 0.3 },
          { word: 'there.', start: 0.3, end: 0.7 },
          { word: 'Bye.', start: 1, end: 1.4 },
        ],
      });
      assert.deepEqual(brief(turns), [[null, 0, 0.7, 'Hi there.'], [null, 1, 1.4, 'Bye.']]);
    });

    it('estimates times for a text-only result', () => {
      const turns = turnsOf({ text: ' First sentence here. Second one.' });
      assert.deepEqual(turns.map((t) => [t.text, t.timing]), [['First sentence here.', 'estimated'], ['Second one.', 'estimated']]);
    });
  });

  describe('WhisperX speakers', () => {
    const turns = read(fixture('whisperx-diarized.json')).transcript!.turns;

    it('gives each segment its speaker', () => {
      assert.deepEqual(brief(turns)[0], ['SPEAKER_00', 0.031, 3.512, "So what's the biggest surprise from the survey?"]);
    });

    it('splits a segment where its words change speaker, timed by the words', () => {
      assert.deepEqual(brief(turns).slice(1, 4), [
        ['SPEAKER_01', 3.9, 5.8, 'We counted 1,400 stars in 2019.'],
        ['SPEAKER_00', 6.6, 6.95, 'Wow.'],
        ['SPEAKER_01', 7.3, 9.41, 'And then almost none.'],
      ]);
    });

    it('gives null to a segment without a speaker', () => {
      assert.equal(turns[4]!.speaker, null);
    });

    it('joins the words when they cannot be found in the segment text', () => {
      const split = turnsOf({
        segments: [
          {
            start: 0,
            end: 2,
            text: ' completely different text',
            speaker: 'SPEAKER_00',
            words: [
              { word: 'Yes', start: 0, end: 0.5, speaker: 'SPEAKER_00' },
              { word: 'no', start: 1, end: 1.5, speaker: 'SPEAKER_01' },
            ],
          },
        ],
      });
      assert.deepEqual(brief(split), [['SPEAKER_00', 0, 0.5, 'Yes'], ['SPEAKER_01', 1, 2, 'no']]);
    });
  });

  describe('times', () => {
    it('estimates a missing end from the words, not past the next start', () => {
      const turns = turnsOf({
        segments: [
          { start: 0, text: ' one two three four five six seven eight nine ten' },
          { start: 1, end: 2, text: ' next' },
        ],
      });
      assert.equal(turns[0]!.end, 1);
    });

    it('takes a missing segment time from its words', () => {
      const turns = turnsOf({ segments: [{ text: ' Hi.', words: [{ word: ' Hi.', start: 3, end: 3.4 }] }] });
      assert.deepEqual(brief(turns), [[null, 3, 3.4, 'Hi.']]);
    });

    it('clamps an end a hair before its start and refuses one far before, naming the field', () => {
      assert.equal(turnsOf({ segments: [{ start: 5, end: 4.99, text: ' x' }] })[0]!.end, 5);
      refuses(JSON.stringify({ segments: [{ start: 0, end: 1, text: ' a' }, { start: 12, end: 3, text: ' b' }] }), /before start/, 'segments[1].end');
    });

    it('orders segments by start', () => {
      const turns = turnsOf([
        { start: 4, end: 5, text: ' later' },
        { start: 1, end: 2, text: ' earlier' },
      ]);
      assert.deepEqual(turns.map((t) => t.text), ['earlier', 'later']);
    });
  });

  describe('bad input', () => {
    it('names the field of a wrong type', () => {
      refuses(fixture('bad/start-as-string.json'), /expected a number, got the text "0.0"/, 'segments[0].start');
      refuses(fixture('bad/word-start-as-string.json'), /expected a number/, 'segments[0].words[0].start');
      refuses(fixture('bad/segments-not-a-list.json'), /expected a list/, 'segments');
    });

    it('refuses negative and infinite times', () => {
      refuses(fixture('bad/negative-start.json'), /negative/, 'segments[0].start');
      refuses(fixture('bad/infinite-start.json'), /Infinity/, 'segments[0].start');
    });

    it('names the line of a JSON syntax error', () => {
      assert.throws(() => read('{"segments": [\n{"start": NaN}]}'), (e: unknown) => e instanceof InputError && e.line === 2);
      refuses(fixture('bad/truncated.json'), /ends too early/);
    });

    it('refuses JSON that holds no transcript', () => {
      refuses(fixture('bad/no-transcript.json'), /no Whisper transcript found/);
      refuses(fixture('bad/only-empty-segments.json'), /no segment has any text/);
      refuses('"just a string"', /JSON object or list/);
    });
  });

  describe('detection', () => {
    it('is certain of every tool\'s output', () => {
      for (const name of [
        'openai-whisper.json',
        'openai-api-verbose.json',
        'faster-whisper.json',
        'stable-ts.json',
        'whisperx-diarized.json',
        'whisper-cpp.json',
        'whisper-cpp-full-diarize.json',
        'insanely-fast-whisper.json',
      ]) {
        assert.equal(reader.detect(fixture(name), name), 1, name);
      }
    });

    it('finds openai-whisper keys at the end when a long text comes first', () => {
      const long = {
        text: ' word'.repeat(5000),
        segments: [{ id: 0, seek: 0, start: 0, end: 1, text: ' word', avg_logprob: -0.2, no_speech_prob: 0.01 }],
        language: 'en',
      };
      assert.equal(reader.detect(JSON.stringify(long), 'x.json'), 1);
    });

    it('leaves Podcasting 2.0 JSON, lexicap JSON and non-JSON alone', () => {
      assert.equal(reader.detect('{"version": "1.0.0", "segments": [{"speaker": "A", "startTime": 0, "endTime": 1, "body": "x"}]}', 'x.json'), 0);
      assert.equal(reader.detect('{"title": "t", "id": "abc", "transcript": "WEBVTT\\n\\n00:00.000 --> 00:02.360\\n \\"start\\": hi"}', 'x.json'), 0);
      assert.equal(reader.detect('WEBVTT\n\n00:00.000 --> 00:01.000\nhi', 'x.vtt'), 0);
    });
  });

  it('reads a large file fast', () => {
    const segments = Array.from({ length: 60_000 }, (_, i) => ({
      id: i,
      seek: i * 100,
      start: i * 3,
      end: i * 3 + 2.5,
      text: ` Segment number ${i} says something about tide pools and sea stars.`,
      tokens: [50364, 1044, 995, 281, 264, 855, 13],
      temperature: 0,
      avg_logprob: -0.21,
      compression_ratio: 1.4,
      no_speech_prob: 0.01,
    }));
    const text = JSON.stringify({ text: '', segments, language: 'en' });
    const started = performance.now();
    const turns = read(text).transcript!.turns;
    const seconds = (performance.now() - started) / 1000;
    assert.equal(turns.length, 60_000);
    // A guard against a quadratic blow-up, not a speed measurement (bench:ingest measures speed).
    assert.ok(seconds < 10, `${(text.length / 1e6 / seconds).toFixed(1)} MB/s`);
  });
});

describe('normalizeLanguage', () => {
  it('maps Whisper language names and codes to codes', () => {
    assert.equal(normalizeLanguage('english'), 'en');
    assert.equal(normalizeLanguage('English'), 'en');
    assert.equal(normalizeLanguage('haitian creole'), 'ht');
    assert.equal(normalizeLanguage('pt-BR'), 'pt');
    assert.equal(normalizeLanguage('yue'), 'yue');
    assert.equal(normalizeLanguage('auto'), undefined);
    assert.equal(normalizeLanguage('not a language'), undefined);
  });
});
