// The "speakers" step: transcripts where nobody is named get speaker turns, host and guest named as the episode
// names them; with no names, or no evidence, turns stay unknown. Invented transcripts only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Episode, Turn } from '../../src/model/episode.js';
import { speakersStep } from '../../src/enrich/speakers.js';
import { speakerNames } from '../../src/enrich/speakers-names.js';
import { applyPatch } from '../../src/enrich/apply.js';

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
  ];
  for (const [name, turns] of cases) {
    const ep = episode(turns, { show: 'Green Thumb Show', guests: ['Jane Doe'] });
    const started = performance.now();
    assert.doesNotThrow(() => {
      if (speakersStep.skip(ep) === null) applyPatch(ep, speakersStep.run(ep));
    }, name);
    if (name === 'ten hours') assert.ok(performance.now() - started < 3000, `ten hours took ${performance.now() - started} ms`);
  }
});
