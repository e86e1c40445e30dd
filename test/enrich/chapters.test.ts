// The chapters step: topic segmentation of the best transcript into titled chapters, for episodes without given ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Chapter, Episode, Turn } from '../../src/model/episode.js';
import { chaptersStep, deriveChapters } from '../../src/enrich/chapters.js';
import { segment, sentences } from '../../src/enrich/segmentation.js';

function episodeOf(turns: Turn[], chapters: Chapter[] = []): Episode {
  return {
    id: 'test', show: null, number: null, title: null, guests: [], published: null, youtubeId: null, mediaUrl: null,
    duration: turns.at(-1)?.end ?? null, language: 'en', sourceUrls: [], description: null, sources: [], speakers: [],
    chapters, turns, transcripts: [{ source: 'test.vtt', turns }], highlights: [], insights: [], sections: [],
    mentions: [], questions: [], overview: null, moments: [], ads: [], corrections: [], enrichment: [],
  };
}

/** A seeded PRNG (mulberry32): the invented transcript is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = {
  bread: 'bread flour yeast dough oven crust sourdough starter baking loaf kneading wheat'.split(' '),
  stars: 'telescope galaxy stars planet orbit astronomy nebula comet supernova observatory moon gravity'.split(' '),
  football: 'football striker goal league match goalkeeper penalty stadium coach midfield tackle referee'.split(' '),
};
const FILLER = 'and then we talked about how the whole thing really works for most people in the end'.split(' ');

/**
 * A conversation of 3 topics, 10 minutes each, in 5-second cues; each topic opens with the host's question.
 * Sentences mix topic words with common words, as talk does.
 */
function threeTopics(): Turn[] {
  const random = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const turns: Turn[] = [];
  let t = 0;
  for (const [name, vocabulary] of Object.entries(TOPICS)) {
    turns.push({ speaker: null, start: t, end: t + 5, timing: 'exact', text: `So let me ask you about ${name}, what is it about ${vocabulary[0]} and ${vocabulary[1]}?` });
    t += 5;
    while (t % 600 !== 0) {
      const words = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? pick(vocabulary) : pick(FILLER)));
      const text = words.join(' ');
      turns.push({ speaker: null, start: t, end: t + 5, timing: 'exact', text: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` });
      t += 5;
    }
  }
  return turns;
}

test('segmentation finds the shifts between three clear topics', () => {
  const units = sentences(threeTopics());
  const cuts = segment(units, { count: 3 }).map((i) => units[i]!.start);
  assert.equal(cuts.length, 2);
  assert.ok(Math.abs(cuts[0]! - 600) <= 30, `first shift at ${cuts[0]}`);
  assert.ok(Math.abs(cuts[1]! - 1200) <= 30, `second shift at ${cuts[1]}`);
});

test('derived chapters start at 0, cut at the topic shifts, and are titled from their own words', () => {
  const episode = episodeOf(threeTopics());
  assert.equal(chaptersStep.skip(episode), null);
  const { chapters } = chaptersStep.run(episode);
  assert.ok(chapters && chapters.length >= 3, 'at least three chapters');
  assert.equal(chapters[0]!.start, 0);
  for (const c of chapters) assert.equal(c.origin, 'derived');
  for (const shift of [600, 1200]) assert.ok(chapters.some((c) => Math.abs(c.start - shift) <= 60), `a chapter starts near ${shift}`);
  for (const [name, vocabulary] of Object.entries(TOPICS)) {
    const at = name === 'bread' ? 300 : name === 'stars' ? 900 : 1500;
    const chapter = [...chapters].reverse().find((c) => c.start <= at)!;
    assert.ok(vocabulary.some((w) => chapter.title.toLowerCase().includes(w.slice(0, 5))), `"${chapter.title}" names ${name}`);
    assert.doesNotMatch(chapter.title, /^(chapter|part)\b/i);
  }
});

test('the host opening before "here is my conversation with" becomes the Introduction', () => {
  const intro: Turn[] = [
    { speaker: null, start: 0, end: 20, timing: 'exact', text: 'The following is a conversation with a baker who also watches the stars.' },
    { speaker: null, start: 20, end: 30, timing: 'exact', text: 'And now, here is my conversation with her.' },
  ];
  const body = threeTopics().map((t) => ({ ...t, start: t.start + 30, end: t.end + 30 }));
  const chapters = deriveChapters(episodeOf([...intro, ...body]));
  assert.equal(chapters[0]!.title, 'Introduction');
  assert.equal(chapters[1]!.start, 30);
});

test('given chapters are kept: the step skips', () => {
  const episode = episodeOf(threeTopics(), [{ title: 'Bread', start: 0, origin: 'given' }]);
  assert.equal(chaptersStep.skip(episode), 'chapters are given');
});

test('odd episodes skip or work without throwing', () => {
  const oneTurn = episodeOf([{ speaker: 'A', start: 0, end: 5, timing: 'exact', text: 'Hello.' }]);
  assert.equal(chaptersStep.skip(oneTurn), 'too short for chapters');
  assert.equal(chaptersStep.skip(episodeOf([])), 'no transcript');
  const empty = episodeOf([{ speaker: null, start: 0, end: 3600, timing: 'estimated', text: '' }]);
  assert.doesNotThrow(() => chaptersStep.skip(empty) ?? chaptersStep.run(empty));

  // One 200 KB "sentence" with estimated times (raw speech-to-text without punctuation).
  const long = Array.from({ length: 40_000 }, (_, i) => ['words', 'without', 'any', 'stop', 'galaxy', 'bread'][i % 6]).join(' ');
  const single = episodeOf([{ speaker: null, start: 0, end: 14_000, timing: 'estimated', text: long }]);
  assert.ok(long.length >= 200_000);
  assert.doesNotThrow(() => chaptersStep.run(single));

  // Ten hours of talk: still chapters, quickly.
  const base = threeTopics();
  const tenHours: Turn[] = [];
  for (let k = 0; k < 20; k++) for (const t of base) tenHours.push({ ...t, start: t.start + k * 1800, end: t.end + k * 1800 });
  const started = performance.now();
  const { chapters } = chaptersStep.run(episodeOf(tenHours));
  assert.ok(chapters && chapters.length > 20);
  assert.ok(performance.now() - started < 10_000);
});
