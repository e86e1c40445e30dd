// The "insights" step: 5-8 main points of an episode, each a sentence of its transcript linked to where it is said;
// given insights (from a summary source) are kept as they are; nothing thrown on odd input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Insight, Turn } from '../../src/model/episode.js';
import { insightCount, insightsStep } from '../../src/enrich/insights.js';
import { enrichEpisode } from '../../src/enrich/pipeline.js';
import { CHATTER, episodeOf, interview, transcriptText } from '../fixtures/enrich/moments/episode.js';

describe('insights', () => {
  const timed = interview();
  const episode = episodeOf(timed.turns);
  const reason = insightsStep.skip(episode);
  const insights: Insight[] = reason === null ? insightsStep.run(episode).insights ?? [] : [];

  it('gives five to eight points, in time order', () => {
    assert.equal(reason, null);
    assert.ok(insights.length >= 5 && insights.length <= 8, `${insights.length} insights`);
    const starts = insights.map((i) => i.start!);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('links each point to where it is said, outside the intro, ad read and outro', () => {
    for (const i of insights) {
      assert.ok(typeof i.start === 'number');
      assert.ok(i.start! >= timed.introEnd, `insight at ${i.start} in the intro`);
      assert.ok(i.start! < timed.ad.start || i.start! >= timed.ad.end, `insight at ${i.start} in the ad read`);
      assert.ok(i.start! < timed.outroStart, `insight at ${i.start} in the outro`);
      const turn = timed.turns.find((t) => t.start <= i.start! + 0.01 && t.end >= i.start! - 0.01);
      assert.ok(turn, `a turn is said at ${i.start}`);
    }
  });

  it('takes statements from the transcript: no questions, no small talk, no repeats', () => {
    const text = transcriptText(timed.turns).toLowerCase();
    for (const i of insights) {
      assert.ok(!i.text.endsWith('?'), `question: ${i.text}`);
      assert.ok(!CHATTER.some((c) => c.includes(i.text)), `small talk: ${i.text}`);
      // Tidying only drops leading joining words and capitalizes: the rest is the transcript's.
      assert.ok(text.includes(i.text.slice(1).toLowerCase()), `from the transcript: ${i.text}`);
    }
    assert.equal(new Set(insights.map((i) => i.text)).size, insights.length);
  });

  it('keeps given insights and adds none', () => {
    const given = { ...episode, insights: [{ text: 'Ocean currents move heat north.' }] };
    assert.equal(insightsStep.skip(given), 'insights are given');
    const { episode: enriched } = enrichEpisode(given);
    assert.deepEqual(enriched.insights, given.insights);
  });

  it('asks for more points from longer episodes', () => {
    assert.equal(insightCount(30 * 60), 5);
    assert.equal(insightCount(2 * 3600), 6);
    assert.equal(insightCount(5 * 3600), 8);
  });

  it('skips without a transcript, and in another language', () => {
    assert.equal(insightsStep.skip({ ...episode, turns: [], transcripts: [] }), 'no transcript');
    assert.match(insightsStep.skip({ ...episode, language: 'fr' }) ?? '', /English/);
  });

  const turn = (text: string, start: number, end: number): Turn => ({ speaker: null, start, end, timing: 'exact', text });
  const odd: [string, Turn[]][] = [
    ['only questions', Array.from({ length: 200 }, (_, i) => turn('Why does the current move north every winter?', i * 5, i * 5 + 4))],
    ['only small talk', Array.from({ length: 200 }, (_, i) => turn(CHATTER[i % 3]!, i * 9, i * 9 + 8))],
    ['a single 200 KB sentence', [turn('the current keeps moving north and the heat goes with it '.repeat(3500), 0, 20000)]],
    ['zero times', interview({ rounds: 2 }).turns.map((t) => ({ ...t, start: 0, end: 0 }))],
  ];
  for (const [name, turns] of odd) {
    it(`does not throw on ${name}`, () => {
      const e = episodeOf(turns);
      if (insightsStep.skip(e) !== null) return;
      for (const i of insightsStep.run(e).insights ?? []) assert.ok(i.text.length > 0 && Number.isFinite(i.start));
    });
  }
});
