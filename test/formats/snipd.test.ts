import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { snipdReader as reader } from '../../src/formats/snipd.js';
import { InputError } from '../../src/model/errors.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/snipd/${name}`, import.meta.url), 'utf8');

/** A Logseq page of snips, built line by line so the tabs are visible. */
const logseq = (...snipLines: string[]): string =>
  [
    'title:: 12 – Ada Stone — Bridges (highlights)',
    'author:: [[Built Things]]',
    'url:: https://share.snipd.com/episode/11111111-2222-4333-8444-555555555555',
    '',
    '- Highlights first synced by [[Readwise]] [[May 1st, 2024]]',
    ...snipLines,
  ].join('\n');

describe('snipd reader', () => {
  describe('Logseq export', () => {
    const fragment = reader.read(fixture('logseq.md'), 'logseq.md');

    it('reads the episode from the page properties', () => {
      assert.deepEqual(fragment.meta, {
        title: 'Ines Varga — Bees, Cities, and Quiet Work',
        show: 'The Pollinator Hour',
        number: 88,
        guests: ['Ines Varga'],
        sourceUrls: ['https://share.snipd.com/episode/0b7e1c2a-1111-4c4c-9d9d-aaaabbbbcccc'],
      });
    });

    it('reads every snip of every sync group', () => {
      assert.deepEqual(fragment.highlights!.map((h) => h.title), [
        'Rooftop Hives Need Shade',
        'Linden Honey Tastes Like the Street',
        'Quiet Work',
      ]);
      assert.ok(fragment.highlights!.every((h) => h.origin === 'snipd'));
    });

    it('keeps the excerpt’s speakers apart from its plain words', () => {
      const snip = fragment.highlights![1]!;
      assert.deepEqual(snip.excerpt!.map((e) => e.speaker), ['Speaker 1', 'Speaker 2', 'Speaker 1']);
      assert.equal(snip.text.split('\n')[1], 'So the honey is a map.');
      assert.ok(!snip.text.includes('Speaker'));
    });

    it('starts a snip at its Time link and estimates its end at 2.9 words per second', () => {
      const snip = fragment.highlights![0]!;
      assert.equal(snip.start, 12 * 60 + 40);
      const words = snip.text.split(/\s+/).length;
      assert.equal(snip.end, Math.round((760 + words / 2.9) * 1000) / 1000);
      assert.equal(snip.url, 'https://share.snipd.com/snip/aaaa0001-0000-4000-8000-000000000001');
      assert.ok(!snip.text.includes('Time'));
    });

    it('reads the summary, a multi-line note and tags', () => {
      const [first, , third] = fragment.highlights!;
      assert.match(first!.summary!, /^Ines explains that city roofs/);
      assert.equal(first!.note, 'Try the white board trick on our own roof.\nAsk the building manager first.');
      assert.deepEqual(third!.tags, ['patience', 'craft']);
    });

    it('reads a snip with no Time link as untimed', () => {
      const snip = reader.read(logseq('\t- Untimed', '\t  Transcript:', '\t  Speaker 1', '\t  Some words here.'), 'x')
        .highlights![0]!;
      assert.equal(snip.start, null);
      assert.equal(snip.end, null);
      assert.equal(snip.text, 'Some words here.');
    });

    it('reads speakers named by the app instead of numbered', () => {
      const snip = reader.read(
        logseq('\t- Names', '\t  Transcript:', '\t  Ada Stone', '\t  Steel sings in the cold.', '\t  ', '\t  Ben Okafor', '\t  Really?'),
        'x',
      ).highlights![0]!;
      assert.deepEqual(snip.excerpt, [
        { speaker: 'Ada Stone', text: 'Steel sings in the cold.' },
        { speaker: 'Ben Okafor', text: 'Really?' },
      ]);
    });

    it('reads a plain highlight (no Summary or Transcript parts) as its words, with no title', () => {
      const snip = reader.read(logseq('\t- The bridge hums at night. ([Time 0:05:00](https://share.snipd.com/snip/x1))'), 'x')
        .highlights![0]!;
      assert.equal(snip.text, 'The bridge hums at night.');
      assert.equal(snip.title, undefined);
      assert.equal(snip.start, 300);
    });
  });

  describe('Markdown export', () => {
    const fragment = reader.read(fixture('readwise-markdown.md'), 'readwise-markdown.md');

    it('reads the episode from the title heading and the Metadata list', () => {
      assert.equal(fragment.meta.title, 'Night Trains of Europe');
      assert.equal(fragment.meta.show, 'Rail Dispatches');
      assert.deepEqual(fragment.meta.sourceUrls, ['https://share.snipd.com/episode/5d5d5d5d-2222-4e4e-8f8f-121212121212']);
    });

    it('reads Key takeaways as the summary, one per line', () => {
      assert.equal(
        fragment.highlights![0]!.summary,
        'A sleeper car carries a third of the passengers of a seated car\nStaff work the whole night and need rest stops',
      );
    });

    it('reads a **Note:** bullet under the snip', () => {
      assert.equal(fragment.highlights![0]!.note, 'Compare with the ferry numbers from last week.');
    });

    it('reads "Episode AI notes" as the episode’s insights, not as a snip', () => {
      assert.equal(fragment.highlights!.length, 2);
      assert.deepEqual(fragment.summary!.insights.map((i) => i.text), [
        'Night trains are returning across Europe after a decade of cuts.',
        'Sleeper cars are expensive to run because each passenger takes a whole bed.',
        'Cross-border timetables remain the hardest problem.',
      ]);
    });

    it('strips markup from the snip text', () => {
      const text = [
        '# Episode',
        '## Metadata',
        '- Author: Someone',
        '## Highlights',
        '- <b>Bold</b> title',
        '  Transcript:',
        '  Speaker 1',
        '  Fish &amp; chips <script>x()</script>**now**. ([Time 0:01:00](https://share.snipd.com/snip/y))',
      ].join('\n');
      const snip = reader.read(text, 'x').highlights![0]!;
      assert.equal(snip.title, 'Bold title');
      assert.equal(snip.text, 'Fish & chips x()now.');
    });
  });

  describe('bad input', () => {
    it('refuses an export with no highlights', () => {
      assert.throws(() => reader.read(fixture('bad/no-highlights.md'), 'x'), (e: unknown) => e instanceof InputError && /no highlights/.test(e.reason));
      assert.throws(() => reader.read('', 'x'), InputError);
    });

    it('refuses a Time link that is not a clock time, naming the line', () => {
      assert.throws(
        () => reader.read(fixture('bad/broken-time.md'), 'x'),
        (e: unknown) => e instanceof InputError && /0:75:99/.test(e.reason) && e.line === 9,
      );
    });
  });

  describe('detection', () => {
    it('is sure of both Readwise shapes', () => {
      assert.ok(reader.detect(fixture('logseq.md'), 'x') >= 0.9);
      assert.ok(reader.detect(fixture('readwise-markdown.md'), 'x') >= 0.9);
    });

    it('does not claim other Readwise exports or text that merely links to Snipd', () => {
      assert.equal(reader.detect('# A Book\n## Metadata\n- Author: Someone\n## Highlights\n- A quote.\n', 'x'), 0);
      assert.ok(reader.detect('I liked this: https://share.snipd.com/snip/abc\n', 'x') < 0.5);
    });
  });
});
