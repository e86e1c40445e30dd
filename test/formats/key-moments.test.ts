import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { keyMomentsReader as reader } from '../../src/formats/key-moments.js';
import { InputError } from '../../src/model/errors.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/key-moments/${name}`, import.meta.url), 'utf8');

const page = (...lines: string[]): string =>
  ['Key Moments', 'Tove Berg: Lighthouses | Coast Talk #9', 'Key Moments', 'About lighthouses.', 'Key Insights', ...lines].join('\n');

describe('key-moments reader', () => {
  const fragment = reader.read(fixture('summify-copy.txt'), 'summify-copy.txt');
  const summary = fragment.summary!;

  it('reads the episode from the title line', () => {
    assert.deepEqual(fragment.meta, {
      title: 'Oda Lindqvist: Glaciers, Ice Cores, and Listening to Snow',
      show: 'Cold Facts Podcast',
      number: 41,
      guests: ['Oda Lindqvist'],
    });
  });

  it('reads the one-line description as the overview', () => {
    assert.equal(summary.overview, 'Oda Lindqvist explains how ice cores record past climates and why glaciers are quieter than people expect.');
  });

  it('reads every line under Key Insights as an insight', () => {
    assert.equal(summary.insights.length, 3);
    assert.match(summary.insights[2]!.text, /^Fieldwork on ice/);
  });

  it('reads ALL-CAPS titles with their paragraphs as sections, titles as written', () => {
    assert.deepEqual(summary.sections.map((s) => s.title), [
      'THE ARCHIVE IN THE BUBBLES',
      'HOW ICE FLOWS: SLIDING AND CREEPING',
      'LIFE AT THE FIELD CAMP',
    ]);
    assert.match(summary.sections[1]!.text, /^Glaciers are not frozen in place\./);
  });

  it('reads mentions whose names were lost as descriptions, keeping duplicates', () => {
    assert.equal(summary.mentions.length, 5);
    assert.deepEqual(summary.mentions[0], summary.mentions[1]);
    assert.equal(summary.mentions[0]!.name, null);
  });

  it('takes a name when the line carries one', () => {
    assert.deepEqual(summary.mentions[3], { name: 'Snowcat', description: 'A tracked vehicle used to haul fuel and drill parts across the ice.' });
    const named = reader.read(page('One.', 'Mentioned in this video', 'Tern Island: A rock with a light on it.', 'A film: about the sea.'), 'x');
    assert.deepEqual(named.summary!.mentions, [
      { name: 'Tern Island', description: 'A rock with a light on it.' },
      { name: null, description: 'A film: about the sea.' },
    ]);
  });

  it('reads answers whose questions were lost', () => {
    assert.deepEqual(summary.questions, [
      { question: null, answer: 'Ice cores preserve air bubbles and layers of snow, so each layer can be dated and its air measured.' },
    ]);
  });

  it('ignores empty category headings and drops the page footer', () => {
    const all = JSON.stringify(summary);
    for (const gone of ['Products', 'More from', 'View all', 'Sea Ice and Seals', 'Try Summify', 'Found this useful']) {
      assert.ok(!all.includes(gone), gone);
    }
  });

  describe('variants', () => {
    const variant = reader.read(fixture('bulleted-variant.txt'), 'bulleted-variant.txt').summary!;

    it('reads bulleted insights and their times', () => {
      assert.deepEqual(variant.insights, [
        { text: 'Old parish maps show paths that modern maps dropped.', start: 135 },
        { text: 'Walking a lost path once a year keeps the legal claim alive.', start: 880 },
        { text: 'Volunteers matter more than funding.' },
      ]);
    });

    it('reads entries under category headings as mentions of that kind', () => {
      assert.deepEqual(variant.mentions.map((m) => [m.name, m.kind]), [
        ['The Parish Atlas', 'Books'],
        ['Ramblers Trust', 'Organizations'],
      ]);
    });

    it('pairs questions with their answers when the questions are there', () => {
      assert.deepEqual(variant.questions[1], { question: 'Do paths need to be walked?', answer: 'Yes, regular use is the best evidence that a path exists.' });
    });

    it('strips HTML from lines', () => {
      const read = reader.read(page('<b>Bold</b> insight &amp; more.'), 'x');
      assert.equal(read.summary!.insights[0]!.text, 'Bold insight & more.');
    });
  });

  describe('bad input', () => {
    it('refuses a page with no content', () => {
      assert.throws(
        () => reader.read(fixture('bad/empty-page.txt'), 'x'),
        (e: unknown) => e instanceof InputError && /no key insights, sections or mentioned entities/.test(e.reason),
      );
    });

    it('refuses text that is not a Key Moments page', () => {
      assert.throws(() => reader.read('Just some notes.\nNothing else.', 'x'), (e: unknown) => e instanceof InputError && /not a Key Moments page/.test(e.reason));
    });
  });

  describe('detection', () => {
    it('is confident of the Key Moments / Key Insights structure', () => {
      assert.equal(reader.detect(fixture('summify-copy.txt'), 'x'), 0.9);
    });

    it('does not claim other text', () => {
      assert.equal(reader.detect('Some moments are key.\nInsights abound.\n', 'x'), 0);
    });
  });
});
