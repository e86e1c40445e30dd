// Real-data checks of the transcript-page, snipd and key-moments readers on seeds 000, 002 and 004
// (/work/shared/seeds, see shared/README.md). Skipped when the shared folder is absent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { decodeBytes } from '../../src/formats/decode.js';
import { detectReader } from '../../src/formats/detect.js';
import { echoStart, transcriptPageReader } from '../../src/formats/transcript-page.js';
import { snipdReader } from '../../src/formats/snipd.js';
import { keyMomentsReader } from '../../src/formats/key-moments.js';
import { assertFragmentInvariants } from '../../test/helpers/fragment.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url).pathname;

function seed(prefix: string): { name: string; text: string } | null {
  if (!existsSync(SEEDS)) return null;
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  return name ? { name, text: decodeBytes(readFileSync(SEEDS + name)).text } : null;
}

const page = seed('000_');
describe('seed 000: web-clipped transcript page', { skip: page ? false : 'seed 000 not found' }, () => {
  const { name, text } = page!;
  const fragment = transcriptPageReader.read(text, name);
  const turns = fragment.transcript!.turns;

  it('is detected as a transcript page and reads to a sound fragment', () => {
    assert.equal(detectReader(text, name).id, 'transcript-page');
    assertFragmentInvariants(fragment, name);
  });

  it('reads the episode facts', () => {
    assert.equal(fragment.meta.show, 'Lex Fridman Podcast');
    assert.equal(fragment.meta.number, 400);
    assert.deepEqual(fragment.meta.guests, ['Elon Musk']);
    assert.equal(fragment.meta.youtubeId, 'JN3KPFbWCy8');
    assert.deepEqual(fragment.meta.sourceUrls, ['https://lexfridman.com/elon-musk-4-transcript/']);
    assert.equal(fragment.meta.published, '2023-11-10T17:39:39+00:00');
    assert.deepEqual(fragment.speakers, [
      { name: 'Lex Fridman', role: 'host' },
      { name: 'Elon Musk', role: 'guest' },
    ]);
  });

  it('has all 19 chapters with titles and starts', () => {
    const chapters = fragment.chapters!;
    assert.equal(chapters.length, 19);
    assert.ok(chapters.every((c) => c.title.trim() && Number.isFinite(c.start)));
    assert.deepEqual(chapters.slice(0, 3).map((c) => [c.title, c.start]), [
      ['Introduction', 0],
      ['War and human nature', 0],
      ['Israel-Hamas war', 270],
    ]);
    assert.deepEqual(chapters.slice(-2).map((c) => [c.title, c.start]), [
      ['Tesla’s Autopilot and Optimus robot', 7410],
      ['Hardships', 7948],
    ]);
  });

  it('gives every turn a speaker and the exact time of its link', () => {
    const linked = new Set([...text.matchAll(/&t=(\d+)\)/g)].map((m) => Number(m[1])));
    assert.ok(turns.length > 450);
    for (const turn of turns) {
      assert.ok(turn.speaker === 'Lex Fridman' || turn.speaker === 'Elon Musk', `speaker at ${turn.start}`);
      assert.equal(turn.timing, 'exact');
      assert.ok(linked.has(turn.start), `turn at ${turn.start} s has a time from a link`);
    }
    assert.equal(turns.find((t) => t.start === 717)!.speaker, 'Elon Musk'); // a continuation line at 00:11:57
  });

  it('keeps no sentence repeated at a chunk boundary', () => {
    for (let i = 1; i < turns.length; i++) {
      if (turns[i]!.speaker === turns[i - 1]!.speaker) {
        assert.equal(echoStart(turns[i - 1]!.text, turns[i]!.text), null, `echo before ${turns[i]!.start}`);
      }
    }
    const at = (s: number): string => turns.find((t) => t.start === s)!.text;
    assert.ok(at(2087).endsWith('The Hitchhiker’s Guide to the Galaxy, which is one of'));
    assert.ok(at(4189).endsWith('Really none?”'));
    assert.equal(at(6300), 'Yeah, so');
    const all = turns.map((t) => t.text).join('\n');
    assert.ok(!all.includes('It’s-\n'));
    assert.ok(!all.includes('we should have…'));
    assert.ok(!all.includes('community notes is…'));
  });

  it('keeps the transcriber’s markers out of the text', () => {
    const markers = turns.flatMap((t) => t.markers ?? []);
    assert.equal(markers.length, 16);
    assert.equal(markers.filter((m) => m.kind === 'foreign').length, 1);
    assert.ok(markers.some((m) => m.label === 'inaudible 00:07:22'));
    assert.ok(turns.every((t) => !/inaudible|\\\[|\[foreign/.test(t.text)));
    const foreignOnly = turns.find((t) => t.markers?.some((m) => m.kind === 'foreign'))!;
    assert.equal(foreignOnly.text, '');
  });
});

const snips = seed('002_');
describe('seed 002: Snipd highlights in Logseq', { skip: snips ? false : 'seed 002 not found' }, () => {
  const { name, text } = snips!;
  const fragment = snipdReader.read(text, name);
  const highlights = fragment.highlights!;

  it('is detected as Snipd and reads to a sound fragment', () => {
    assert.equal(detectReader(text, name).id, 'snipd');
    assertFragmentInvariants(fragment, name);
  });

  it('reads the episode facts', () => {
    assert.equal(fragment.meta.show, 'Lex Fridman Podcast');
    assert.equal(fragment.meta.number, 333);
    assert.deepEqual(fragment.meta.guests, ['Andrej Karpathy']);
    assert.deepEqual(fragment.meta.sourceUrls, ['https://share.snipd.com/episode/9665702a-893e-4da4-84f2-f29580d26edc']);
  });

  it('has all 13 highlights with title, summary, excerpt and time', () => {
    assert.equal(highlights.length, 13);
    for (const h of highlights) {
      assert.ok(h.title && h.summary && h.text, `highlight ${h.title}`);
      assert.ok(h.excerpt && h.excerpt.length > 0 && h.excerpt.every((e) => /^Speaker \d$/.test(e.speaker ?? '')));
      assert.ok(h.start !== null && h.end !== null && h.end > h.start);
      assert.match(h.url ?? '', /^https:\/\/share\.snipd\.com\/snip\//);
      assert.equal(h.origin, 'snipd');
    }
    assert.equal(highlights[0]!.title, 'Can I Just Interrupt?');
    assert.equal(highlights[0]!.start, 1 * 3600 + 33 * 60 + 1);
    assert.equal(highlights[12]!.title, 'The World Without Death');
    assert.equal(highlights[12]!.start, 3 * 3600 + 30 * 60 + 37);
  });
});

const moments = seed('004_');
describe('seed 004: Key Moments summary page', { skip: moments ? false : 'seed 004 not found' }, () => {
  const { name, text } = moments!;
  const fragment = keyMomentsReader.read(text, name);
  const summary = fragment.summary!;

  it('is detected as Key Moments and reads to a sound fragment', () => {
    assert.equal(detectReader(text, name).id, 'key-moments');
    assertFragmentInvariants(fragment, name);
  });

  it('reads the episode facts and the overview', () => {
    assert.equal(fragment.meta.show, 'Lex Fridman Podcast');
    assert.equal(fragment.meta.number, 333);
    assert.deepEqual(fragment.meta.guests, ['Andrej Karpathy']);
    assert.match(summary.overview ?? '', /^Andrej Karpathy discusses AI/);
  });

  it('has every key insight and section', () => {
    assert.equal(summary.insights.length, 6);
    assert.equal(summary.sections.length, 13);
    assert.equal(summary.sections[0]!.title, 'THE MAGIC AND SIMPLICITY OF NEURAL NETWORKS');
    assert.equal(summary.sections[12]!.title, 'AGI, CONSCIOUSNESS, AND THE HUMAN FUTURE');
    assert.ok(summary.sections.every((s) => s.text.length > 100));
  });

  it('has every mentioned entity (100, duplicates kept) and the question', () => {
    assert.equal(summary.mentions.length, 100);
    assert.ok(summary.mentions.every((m) => m.name === null && m.description));
    assert.match(summary.mentions[0]!.description!, /^A hypothetical bad movie sequel/);
    assert.match(summary.mentions[99]!.description!, /^A city in California/);
    assert.deepEqual(summary.mentions[97], summary.mentions[99]);
    assert.equal(summary.questions.length, 1);
    assert.equal(summary.questions[0]!.question, null);
    assert.match(summary.questions[0]!.answer, /^Neural networks are mathematical abstractions/);
  });

  it('drops the page footer', () => {
    const all = JSON.stringify(fragment);
    assert.ok(!/More from|View all|Try Summify|Jeff Kaplan/.test(all));
  });
});
