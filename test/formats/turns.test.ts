// Turn building shared by the readers: times from partial times, speakers carried through captions, roles.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assignTimes, checkedEnd, cueTurns, makeTurn, speakersOf } from '../../src/formats/turns.js';
import type { TimedCue } from '../../src/formats/cues.js';
import { InputError } from '../../src/model/errors.js';
import { WORDS_PER_SECOND } from '../../src/formats/text.js';

describe('assignTimes', () => {
  it('keeps given times and ends each item where the next starts', () => {
    const times = assignTimes([
      { time: 0, words: 3 },
      { time: 10, words: 3 },
    ]);
    assert.deepEqual(times[0], { start: 0, end: 10, timing: 'exact' });
    assert.deepEqual(times[1], { start: 10, end: 10 + 3 / WORDS_PER_SECOND, timing: 'exact' });
  });

  it('shares a gap between given times by words, and treats a time that runs backwards as missing', () => {
    const times = assignTimes([
      { time: 0, words: 10 },
      { time: null, words: 10 },
      { time: 30, words: 10 },
      { time: 5, words: 10 },
      { time: 40, words: 10 },
    ]);
    assert.deepEqual(times.map((t) => [t.start, t.timing]), [
      [0, 'exact'],
      [15, 'estimated'],
      [30, 'exact'],
      [35, 'estimated'],
      [40, 'exact'],
    ]);
  });

  it('keeps a given end', () => {
    assert.equal(assignTimes([{ time: 1, end: 3, words: 2 }, { time: 5, words: 2 }])[0]!.end, 3);
  });
});

describe('cueTurns', () => {
  const cue = (start: number, text: string, speaker: string | null = null, voiced = false): TimedCue => ({
    start,
    end: start + 1,
    line: 1,
    texts: [voiced ? { speaker, text, voiced } : { speaker, text }],
  });
  const speakers = (cues: TimedCue[]): (string | null)[] => cueTurns(cues, 'sort').map((t) => t.speaker);

  it('continues the last named speaker through unlabelled cues, once any cue has been labelled', () => {
    assert.deepEqual(speakers([cue(0, 'Hello.'), cue(1, 'MAYA OKAFOR: Hi.'), cue(2, 'How are you?'), cue(3, 'TOM: Fine.'), cue(4, 'Good.')]), [
      null,
      'Maya Okafor',
      'Maya Okafor',
      'Tom',
      'Tom',
    ]);
  });

  it('takes a dash or ">>" without a name as a change to an unnamed speaker', () => {
    assert.deepEqual(speakers([cue(0, 'MAYA: Hi.'), cue(1, '- Who is there?\n- Me.'), cue(2, 'Still me.'), cue(3, '>> Someone else.')]), [
      'Maya',
      null,
      null,
      null,
      null,
    ]);
  });

  it('lets voice spans name their own speaker without carrying it', () => {
    assert.deepEqual(speakers([cue(0, 'MAYA: Hi.'), cue(1, 'Hello.', 'Ana', true), cue(2, 'Yes.')]), ['Maya', 'Ana', 'Maya']);
  });

  it('keeps mixed-case names as written', () => {
    assert.deepEqual(speakers([cue(0, '- Mary McDonald: Hi.')]), ['Mary McDonald']);
  });
});

describe('turn helpers', () => {
  it('makeTurn cleans the text, sets markers aside and drops what is left empty', () => {
    assert.deepEqual(makeTurn('<i>Hi</i> &amp; bye [laughs]', 'Ann', 1, 2, 'exact'), {
      speaker: 'Ann',
      start: 1,
      end: 2,
      timing: 'exact',
      text: 'Hi & bye',
      markers: [{ kind: 'laughter', label: 'laughs', offset: 8 }],
    });
    assert.equal(makeTurn(' <b></b> ', null, 0, 1, 'exact'), null);
  });

  it('checkedEnd clamps rounding noise and refuses a real inversion, naming the field', () => {
    assert.equal(checkedEnd(5, 4.5, 'x'), 5);
    assert.throws(() => checkedEnd(5, 1, 'segments[0].end'), (e: unknown) => e instanceof InputError && e.field === 'segments[0].end');
  });

  it('speakersOf lists speakers once, the show’s namesake as host and the title’s guests as guests', () => {
    const turn = (speaker: string) => ({ speaker, start: 0, end: 1, timing: 'exact' as const, text: 'x' });
    assert.deepEqual(speakersOf([turn('Lex Fridman'), turn('Elon Musk'), turn('Lex Fridman'), turn('Ann')], { show: 'Lex Fridman Podcast', guests: ['Elon Musk'] }), [
      { name: 'Lex Fridman', role: 'host' },
      { name: 'Elon Musk', role: 'guest' },
      { name: 'Ann' },
    ]);
  });
});
