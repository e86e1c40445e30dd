// The "speakers" step: transcripts where nobody is named get speaker turns, host and guest named as the episode
// names them; with no names, or no evidence, turns stay unknown. Invented transcripts only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Episode, Turn } from '../../src/model/episode.js';
import { speakersStep } from '../../src/enrich/speakers.js';
import { speakerNames } from '../../src/enrich/speakers-names.js';
import { applyPatch } from '../../src/enrich/apply.js';
import { Chain } from '../../src/enrich/speakers-chain.js';
import { unitsOf, unitTokens, Vocabulary } from '../../src/enrich/speakers-units.js';
import { WordModel } from '../../src/enrich/speakers-words.js';
import { hostPosteriors } from '../../src/enrich/speakers-model.js';
import { modelInput } from '../../src/enrich/speakers-cues.js';

function episode(turns: Turn[], meta: Partial<Episode> = {}): Episode {
  return {
    id: 'e1', show: null, number: null, title: null, guests: [], published: null, youtubeId: null, mediaUrl: null,
    duration: null, language: 'en', sourceUrls: [], description: null, sources: [{ path: 'a.txt', format: 'raw-stt' }],
    speakers: [], chapters: [], turns, transcripts: [{ source: 'a.txt', turns }], highlights: [], insights: [],
    sections: [], mentions: [], questions: [], overview: null, moments: [], ads: [], corrections: [], enrichment: [],
    ...meta,
  };
}

/** Untimed paragraphs of about `size` words, with times estimated at 2.9 words a second, as raw-STT reads them. */
function paragraphs(text: string, size = 90): Turn[] {
  const sentences = text.match(/[^.?!]+[.?!]+/g)!.map((s) => s.trim());
  const out: Turn[] = [];
  let current: string[] = [];
  let at = 0;
  const flush = (): void => {
    const joined = current.join(' ');
    const seconds = joined.split(/\s+/).length / 2.9;
    out.push({ speaker: null, start: at, end: at + seconds, timing: 'estimated', text: joined });
    at += seconds;
    current = [];
  };
  for (const s of sentences) {
    current.push(s);
    if (current.join(' ').split(/\s+/).length >= size) flush();
  }
  if (current.length) flush();
  return out;
}

function run(ep: Episode): Episode {
  const reason = speakersStep.skip(ep);
  assert.equal(reason, null, `unexpected skip: ${reason}`);
  return applyPatch(ep, speakersStep.run(ep));
}

const HOST_TOPICS = ['soil', 'compost', 'seeds', 'pruning', 'watering', 'mulch', 'tomatoes', 'roses'];

/** An interview: the host introduces, asks short questions; the guest answers at length. */
function interview(): string {
  const parts = [
    "Welcome to the Green Thumb Show. I'm Sam Rivers. Today my guest is Jane Doe, a gardener who has written three books about growing food in small spaces.",
  ];
  HOST_TOPICS.forEach((topic, i) => {
    parts.push(`So let me ask you about ${topic}. What do you think most people get wrong about ${topic}, and how did you learn it?`);
    parts.push(
      `Yeah, I think we learned that the hard way. When we started our first garden, we basically ignored ${topic} because we thought the plants would sort it out. ` +
        `They did not. We lost most of the beds in the first year, and that was because we never actually measured anything. ` +
        `Now we keep a notebook and we check every week. It sounds boring, but it is the only thing that works for us. ` +
        `Our neighbours laughed at the notebook at first. Now they ask to borrow it, which I think says a lot. ` +
        `The other lesson was patience, since a garden moves slower than we would like, and ${i % 2 ? 'the soil needs years' : 'nothing happens in a week'}.`,
    );
  });
  parts.push('Thank you so much for having me. This was fun.');
  return parts.join(' ');
}

test('names the host from the intro and the guest from the episode, and labels who says what', () => {
  const ep = episode(paragraphs(interview()), { title: 'Jane Doe: Small Space Gardening', guests: ['Jane Doe'] });
  const next = run(ep);
  assert.deepEqual(next.speakers, [
    { name: 'Sam Rivers', role: 'host' },
    { name: 'Jane Doe', role: 'guest' },
  ]);
  const turns = next.transcripts[0]!.turns;
  assert.equal(turns[0]!.speaker, 'Sam Rivers', 'the intro is the host');
  assert.equal(turns[0]!.attributed, true);
  const answer = turns.find((t) => t.text.startsWith('Yeah, I think we learned'))!;
  assert.equal(answer.speaker, 'Jane Doe', 'a long answer after a question is the guest');
  const question = turns.find((t) => t.text.includes('What do you think most people get wrong about compost'))!;
  assert.equal(question.speaker, 'Sam Rivers', 'a question to "you" is the host');
  assert.equal(turns[turns.length - 1]!.speaker, 'Jane Doe', '"thank you for having me" is the guest');
  // Most words get a speaker, and the paragraphs were re-cut where the speaker changes.
  const words = (ts: Turn[]): number => ts.reduce((s, t) => s + t.text.split(/\s+/).length, 0);
  assert.ok(words(turns.filter((t) => t.speaker)) > 0.8 * words(turns));
  assert.ok(turns.length > ep.transcripts[0]!.turns.length);
});

test('re-cut paragraphs keep every word and consistent estimated times', () => {
  const ep = episode(paragraphs(interview()), { guests: ['Jane Doe'] });
  const before = ep.transcripts[0]!.turns;
  const after = run(ep).transcripts[0]!.turns;
  assert.equal(after.map((t) => t.text).join(' '), before.map((t) => t.text).join(' '));
  let previous = 0;
  for (const t of after) {
    assert.equal(t.timing, 'estimated');
    assert.ok(t.start >= previous - 1e-9 && t.end >= t.start, 'times stay in order');
    previous = t.start;
  }
  assert.equal(after[after.length - 1]!.end, before[before.length - 1]!.end);
});

test('the show name names its host: "The Tim Ferriss Show", "Lex Fridman Podcast"', () => {
  assert.equal(speakerNames({ show: 'The Tim Ferriss Show', guests: [] }, '').host, 'Tim Ferriss');
  assert.equal(speakerNames({ show: 'Lex Fridman Podcast', guests: ['Ada Lovelace'] }, '').host, 'Lex Fridman');
  assert.equal(speakerNames({ show: 'Planet Money', guests: [] }, '').host, null, 'a show name without "podcast"/"show" names no one');
  assert.deepEqual(speakerNames({ show: null, guests: [] }, 'The following is a conversation with Grace Hopper, a pioneer.').guests, ['Grace Hopper']);
  assert.equal(speakerNames({ show: null, guests: [] }, "I'm really excited about this one.").host, null);
});

test('timed cues keep their cut and get a speaker each', () => {
  const text = paragraphs(interview(), 12);
  const cues = text.map((t, i) => ({ ...t, start: i * 4, end: i * 4 + 3.5, timing: 'exact' as const }));
  const ep = episode(cues, { show: 'Green Thumb Show', guests: ['Jane Doe'] });
  const patch = speakersStep.run(ep);
  const t = patch.transcripts![0]!;
  assert.equal(t.replace, undefined, 'timed cues are not re-cut');
  assert.ok((t.turns?.length ?? 0) > cues.length / 2);
  for (const change of t.turns!) {
    assert.ok(['Sam Rivers', 'Jane Doe'].includes(change.speaker!));
    assert.equal(change.attributed, true);
  }
});

test('unknown stays unknown: nobody named, no guess', () => {
  const ep = episode(paragraphs(interview().replace(/Sam Rivers|Jane Doe|Green Thumb Show/g, 'someone')));
  assert.match(speakersStep.skip(ep) ?? '', /nobody is named/);
  assert.doesNotThrow(() => speakersStep.run(ep));
});

test('transcripts that name their speakers are left alone', () => {
  const turns: Turn[] = [
    { speaker: 'Ann', start: 0, end: 2, timing: 'exact', text: 'Hello there?' },
    { speaker: 'Bo', start: 2, end: 4, timing: 'exact', text: 'Hi.' },
  ];
  assert.equal(speakersStep.skip(episode(turns, { guests: ['Bo Smith'] })), 'every transcript has speakers');
  assert.equal(speakersStep.skip(episode([], { guests: ['Bo Smith'], transcripts: [] })), 'no transcript');
});

test('odd input never throws: one turn, no text, 10 hours, a 200 KB sentence, another script', () => {
  const one = (text: string, timing: Turn['timing'] = 'estimated'): Turn[] => [{ speaker: null, start: 0, end: 10, timing, text }];
  const long = paragraphs(interview().repeat(60)); // ~100,000 words, about ten hours of speech
  const cases: [string, Turn[]][] = [
    ['one turn', one('Is this thing on? Yeah, it is.')],
    ['no text', one('')],
    ['punctuation only', one('... ?! —')],
    ['200 KB sentence', one('and then we talked about the weather '.repeat(5500))],
    ['another script', one('这是一次对话。你觉得怎么样？我觉得很好。')],
    ['timed one cue', one('So what do you think?', 'exact')],
    ['ten hours', long],
    [
      'speaker turns all alike',
      Array.from({ length: 60 }, (_, i): Turn => ({
        speaker: null, start: i, end: i + 1, timing: 'exact', text: i % 2 ? 'Yeah.' : 'We did it again. '.repeat(12),
      })),
    ],
  ];
  for (const [name, turns] of cases) {
    const ep = episode(turns, { show: 'Green Thumb Show', guests: ['Jane Doe'] });
    const started = performance.now();
    assert.doesNotThrow(() => {
      if (speakersStep.skip(ep) === null) applyPatch(ep, speakersStep.run(ep));
    }, name);
    if (name === 'ten hours') assert.ok(performance.now() - started < 10_000, `ten hours took ${performance.now() - started} ms`);
  }
});

/**
 * An interview as a transcript page gives it, with the names taken off: one turn per speaker turn, timed. The host
 * asks in short turns, the guest answers at length and opens with a reply; one long answer is cut in two by the page.
 */
function speakerTurns(): { turns: Turn[]; truth: ('host' | 'guest')[] } {
  const script: ['host' | 'guest', string][] = [
    ['host', "Welcome to the Green Thumb Show. I'm Sam Rivers, and my guest today is Jane Doe, who has grown food on rooftops for twenty years."],
    ['guest', 'Thank you so much for having me. It is a pleasure to be here.'],
  ];
  HOST_TOPICS.forEach((topic, i) => {
    script.push(['host', `So what do you think most people get wrong about ${topic}?`]);
    script.push([
      'guest',
      `Yeah, I think we learned that the hard way. When we started our first garden, we basically ignored ${topic} because we thought the plants would sort it out. ` +
        'They did not. We lost most of the beds in the first year, and that was because we never actually measured anything. ' +
        'Now we keep a notebook and we check every week. It sounds boring, but it is the only thing that works for us.',
    ]);
    const resumed = [
      'And our neighbours laughed at the notebook at first. Now they ask to borrow it, which I think says a lot.',
      'I mean, we tried every trick in the books first, and none of them worked until we started writing things down.',
      'Because the plants tell you what they need, if you actually look at them every single day for a season or two.',
    ][Math.floor(i / 3)];
    if (i % 3 === 1 && resumed) {
      script.push(['host', 'Right.']);
      script.push(['guest', resumed]);
    }
    if (i === 4) {
      // One answer so long that the page cut it into a second paragraph.
      script.push([
        'guest',
        'The other lesson was patience, since a garden moves slower than we would like, and the soil needs years to recover from what we did to it. ' +
          'We planted cover crops, we stopped digging, we let the worms do the work, and we waited for three seasons before we saw anything change at all.',
      ]);
    }
  });
  script.push(['host', 'Jane, thank you for talking with me.']);
  const turns: Turn[] = [];
  let at = 0;
  for (const [, text] of script) {
    const seconds = text.split(/\s+/).length / 2.9;
    turns.push({ speaker: null, start: at, end: at + seconds, timing: 'exact', text });
    at += seconds + 0.5;
  }
  return { turns, truth: script.map(([who]) => who) };
}

test('speaker turns with the names lost are labelled turn by turn, alternating as the conversation does', () => {
  const { turns, truth } = speakerTurns();
  const ep = episode(turns, { show: 'Green Thumb Show', guests: ['Jane Doe'], sources: [{ path: 'a.txt', format: 'transcript-page' }] });
  const labelled = run(ep).transcripts[0]!.turns;
  assert.equal(labelled.length, turns.length, 'speaker turns are not re-cut');
  const expected = truth.map((who) => (who === 'host' ? 'Sam Rivers' : 'Jane Doe'));
  const right = labelled.filter((t, i) => t.speaker === expected[i]).length;
  assert.ok(right >= labelled.length - 1, `${right} of ${labelled.length} turns right: ${labelled.map((t) => t.speaker?.[0] ?? '?').join('')} for ${expected.map((s) => s[0]).join('')}`);
  const cut = labelled.findIndex((t) => t.text.startsWith('The other lesson was patience'));
  assert.equal(labelled[cut]!.speaker, 'Jane Doe', 'the second half of a long answer stays with the guest');
  assert.equal(labelled[cut - 1]!.speaker, 'Jane Doe');
});

test('paragraphs cut by length are read as prose and re-cut, speaker turns are not', () => {
  const names = { host: 'Sam Rivers', guests: ['Jane Doe'] };
  const sameWithinTurns = (turns: Turn[]): boolean => {
    const vocabulary = new Vocabulary();
    const units = unitsOf(turns, vocabulary);
    const posterior = hostPosteriors(modelInput(turns, units, names, vocabulary));
    return units.every((u, i) => i === 0 || units[i - 1]!.turn !== u.turn || posterior[i] === posterior[i - 1]);
  };
  assert.equal(sameWithinTurns(speakerTurns().turns), true, 'one label per speaker turn');
  assert.equal(sameWithinTurns(paragraphs(interview())), false, 'paragraphs of ~90 words have no short turns: prose');
});

test('the word model learns habits from the other items and never lets an item vote for itself', () => {
  const texts = [
    'You know, I mean, it is sort of beautiful.',
    'We basically built it because we had to.',
    'You know, I mean, that is sort of fascinating.',
    'We basically shipped it because customers asked.',
    'Only here: zebra xylophone quartz.',
  ];
  const turns: Turn[] = texts.map((text, i) => ({ speaker: null, start: i, end: i + 1, timing: 'exact', text }));
  const vocabulary = new Vocabulary();
  const units = unitsOf(turns, vocabulary);
  const model = new WordModel(units, vocabulary.tokens, Int32Array.from([0, 1, 2, 3, 4, 5]), vocabulary.size, { vocabulary: 300, smoothing: 1 });
  const out = new Float64Array(5);
  model.evidence(Float64Array.from([1, 0, 1, 0, 0.5]), out);
  assert.ok(out[2]! > 1, 'the host\'s habits in another item speak for the host');
  assert.ok(out[3]! < -1, 'the guest\'s habits speak for the guest');
  assert.equal(out[4], 0, 'words said nowhere else say nothing');
});

test('the vocabulary gives each word one id, however many words an episode has', () => {
  const vocabulary = new Vocabulary();
  const text = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
  const units = unitsOf([{ speaker: null, start: 0, end: 1, timing: 'exact', text: `${text} W0 w4999.` }], vocabulary);
  assert.equal(vocabulary.size, 5000);
  const ids = unitTokens(units[0]!, vocabulary);
  assert.equal(ids[5000], ids[0], 'case does not matter');
  assert.equal(ids[5001], ids[4999]);
  assert.equal(vocabulary.get('w1234'), ids[1234]);
  assert.equal(vocabulary.get('absent'), undefined);
});

test('the chain carries strong evidence along alternating turns', () => {
  const chain = new Chain(5);
  const posterior = new Float64Array(5);
  const changes = new Float64Array(5);
  const alternate = new Float64Array(5).fill(0.9);
  chain.run({ emission: Float64Array.from([6, 0, 0, 0, 0]), toGuest: alternate, toHost: alternate }, posterior, changes);
  assert.deepEqual([...posterior].map((p) => (p > 0.5 ? 'H' : 'G')).join(''), 'HGHGH');
  assert.ok(changes.slice(1).every((c) => c > 0.85));
});
