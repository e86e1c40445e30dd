// The "moments" step: Snipd-style key moments (title, summary, verbatim quote, start, end, speaker) chosen from the
// substance of an episode, clear of its intro, ad reads and outro, spread over it; and nothing thrown on odd input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Episode, Moment, Turn } from '../../src/model/episode.js';
import { keyMoments, momentsStep } from '../../src/enrich/moments.js';
import { textStream } from '../../src/enrich/moments-text.js';
import { enrichEpisode } from '../../src/enrich/pipeline.js';
import { ANSWERS, CHATTER, GUEST, episodeOf, interview, transcriptText } from '../fixtures/enrich/moments/episode.js';

function run(episode: Episode): Moment[] {
  const reason = momentsStep.skip(episode);
  assert.equal(reason, null, `not skipped (${reason})`);
  return momentsStep.run(episode).moments ?? [];
}

function overlaps(m: Moment, span: { start: number; end: number }): boolean {
  return m.start < span.end && span.start < m.end;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('moments: choosing', () => {
  const timed = interview();
  const episode = episodeOf(timed.turns);
  const moments = run(episode);

  it('finds about five moments per hour of episode', () => {
    const hours = timed.turns.at(-1)!.end / 3600;
    assert.ok(moments.length >= Math.floor(4 * hours) && moments.length <= Math.ceil(8 * hours), `${moments.length} moments in ${hours.toFixed(2)} h`);
  });

  it('never takes a moment from the intro (cold open, sponsor read, hand-over)', () => {
    for (const m of moments) assert.ok(m.start >= timed.introEnd, `moment at ${m.start} starts before the intro ends at ${timed.introEnd}`);
  });

  it('never takes a moment from an ad read in the middle of the episode', () => {
    for (const m of moments) assert.ok(!overlaps(m, timed.ad), `moment ${m.start}-${m.end} overlaps the ad read ${timed.ad.start}-${timed.ad.end}`);
  });

  it('never takes a moment from the outro', () => {
    for (const m of moments) assert.ok(m.end <= timed.outroStart, `moment ends at ${m.end}, after the outro starts at ${timed.outroStart}`);
  });

  it('leaves out spans the ads step marked, even when they sound substantive', () => {
    const answerTurn = timed.turns.find((t) => t.text.startsWith('Coming back to that') && t.start > 600)!;
    const marked = { start: answerTurn.start - 5, end: answerTurn.end + 5 };
    const withAds = episodeOf(timed.turns, { ads: [marked] });
    for (const m of run(withAds)) assert.ok(!overlaps(m, marked), `moment ${m.start}-${m.end} overlaps the marked ad ${marked.start}-${marked.end}`);
  });

  it('spreads the moments over the episode, apart from each other and about different things', () => {
    const sorted = [...moments].sort((a, b) => a.start - b.start);
    assert.deepEqual(moments, sorted, 'in time order');
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]!.start - sorted[i - 1]!.end >= 60, 'at least a minute apart');
    const end = timed.turns.at(-1)!.end;
    const halves = new Set(moments.map((m) => (m.start < end / 2 ? 'first' : 'second')));
    assert.equal(halves.size, 2, 'moments in both halves');
    assert.equal(new Set(moments.map((m) => m.title)).size, moments.length, 'distinct titles');
  });

  it('takes substance, not small talk: every moment holds most of one of the answers', () => {
    for (const m of moments) {
      const quote = new Set(words(m.quote));
      const best = Math.max(...ANSWERS.map((a) => words(a).filter((w) => quote.has(w)).length / words(a).length));
      assert.ok(best > 0.5, `moment at ${m.start} is mostly small talk: ${m.quote.slice(0, 80)}`);
    }
  });

  it('quotes the transcript verbatim, 30 to 90 seconds of it, starting and ending on sentence boundaries', () => {
    const text = transcriptText(timed.turns);
    for (const m of moments) {
      assert.ok(text.includes(m.quote), `quote is a piece of the transcript: ${m.quote.slice(0, 80)}`);
      assert.ok(m.end - m.start >= 30 && m.end - m.start <= 90, `length ${m.end - m.start} s`);
      assert.match(m.quote, /^[A-Z"“]/, 'starts a sentence');
      assert.match(m.quote, /[.!?"”]$/, 'ends a sentence');
    }
  });

  it('titles are short and specific; summaries are one or two of the quote\'s own sentences, tidied', () => {
    for (const m of moments) {
      const titleWords = m.title.split(' ');
      assert.ok(titleWords.length >= 1 && titleWords.length <= 8, `title "${m.title}"`);
      assert.ok(!/^(?:yeah|okay|thing|stuff)/i.test(m.title), `title "${m.title}" is not generic`);
      const summaryWords = words(m.summary);
      assert.ok(summaryWords.length >= 5 && summaryWords.length <= 60, `summary "${m.summary}"`);
      const quote = new Set(words(m.quote));
      assert.ok(summaryWords.every((w) => quote.has(w)), `summary words come from the quote: ${m.summary}`);
      assert.match(m.summary, /^[A-Z]/, 'summary starts with a capital');
    }
  });

  it('names the speaker when one speaker holds the floor', () => {
    for (const m of moments) assert.equal(m.speaker, GUEST);
  });

  it('works without speaker names, and runs as part of the pipeline', () => {
    const anonymous = run(episodeOf(interview({ speakers: false }).turns));
    assert.ok(anonymous.length >= 2);
    for (const m of anonymous) assert.equal(m.speaker, undefined);
    const { episode: enriched, outcomes } = enrichEpisode(episode);
    assert.equal(outcomes.find((o) => o.step === 'moments')?.reason, undefined);
    assert.ok(enriched.moments.length >= 2);
  });

  it('works with estimated times (a transcript timed by speech rate)', () => {
    const estimated = timed.turns.map((t) => ({ ...t, timing: 'estimated' as const }));
    assert.ok(run(episodeOf(estimated)).length >= 2);
  });
});

describe('moments: skipping and odd input', () => {
  const base = episodeOf(interview().turns);
  const turn = (text: string, start = 0, end = 10, speaker: string | null = null): Turn => ({ speaker, start, end, timing: 'exact', text });

  it('skips an episode without a transcript (only highlights, or only a summary)', () => {
    assert.equal(momentsStep.skip({ ...base, turns: [], transcripts: [] }), 'no transcript');
    assert.equal(
      momentsStep.skip({ ...base, turns: [], transcripts: [], insights: [{ text: 'A point.' }], highlights: [{ start: 10, end: 20, text: 'x', origin: 'snipd' }] }),
      'no transcript',
    );
  });

  it('skips a transcript too short to hold a moment', () => {
    assert.match(momentsStep.skip(episodeOf([turn('Hello there. Welcome to the show.')])) ?? '', /too short/);
  });

  it('skips a transcript in another language', () => {
    assert.match(momentsStep.skip({ ...base, language: 'de' }) ?? '', /English/);
    const chinese = Array.from({ length: 200 }, (_, i) => turn('这是一个关于海洋环流的很长的句子，我们讨论了很多不同的话题。', i * 10, i * 10 + 9));
    assert.match(momentsStep.skip(episodeOf(chinese)) ?? '', /English/);
  });

  const odd: [string, Turn[]][] = [
    ['one turn', [turn(ANSWERS.join(' '), 0, 300)]],
    ['turns without text', [turn('', 0, 10), turn('   ', 10, 20), ...interview({ rounds: 1 }).turns]],
    ['a single 200 KB sentence without punctuation', [turn('and the current keeps moving north '.repeat(6000), 0, 20000)]],
    ['no usable times (all zero)', interview({ rounds: 2 }).turns.map((t) => ({ ...t, start: 0, end: 0 }))],
    ['times going backwards and not finite', interview({ rounds: 2 }).turns.map((t, i) => ({ ...t, start: i % 7 === 0 ? Number.NaN : 5000 - i, end: 4990 - i }))],
    ['only small talk', Array.from({ length: 300 }, (_, i) => turn(CHATTER[i % 3]!, i * 9, i * 9 + 8, i % 2 ? 'A' : 'B'))],
    ['only questions', Array.from({ length: 300 }, (_, i) => turn('Why does the current move? What happens to the heat?', i * 6, i * 6 + 5))],
    ['markup and control characters', [turn(`<b>Bold</b> \u0000 claim. ${ANSWERS.join(' ')} \u200b`.repeat(3), 0, 400)]],
  ];
  for (const [name, turns] of odd) {
    it(`does not throw on ${name}`, () => {
      const episode = episodeOf(turns);
      const reason = momentsStep.skip(episode);
      if (reason !== null) return;
      const moments = momentsStep.run(episode).moments ?? [];
      const text = transcriptText(turns.filter((t) => t.text.trim()));
      for (const m of moments) {
        assert.ok(Number.isFinite(m.start) && Number.isFinite(m.end) && m.end >= m.start, 'finite times');
        assert.ok(m.title.length > 0 && m.summary.length > 0, 'title and summary');
        assert.ok(text.replace(/\s+/g, ' ').includes(m.quote), 'verbatim quote');
      }
    });
  }

  it('handles ten hours of transcript in linear time (well under a few seconds)', () => {
    const long = interview({ rounds: 100 }).turns;
    const episode = episodeOf(long);
    textStream(episode.turns);
    const started = performance.now();
    const moments = keyMoments(episode);
    const ms = performance.now() - started;
    const hours = long.at(-1)!.end / 3600;
    assert.ok(hours > 8, `${hours} h`);
    // The fixture only has six subjects, told over and over: each is a moment once.
    assert.ok(moments.length >= 4 && moments.length <= 6, `${moments.length} moments`);
    // A guard against a quadratic blow-up, not a speed measurement (eval:enrich measures speed).
    assert.ok(ms < 10_000, `${ms} ms`);
  });
});
