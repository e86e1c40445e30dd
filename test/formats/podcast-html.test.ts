import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { podcastHtmlReader as reader } from '../../src/formats/podcast-html.js';
import { InputError } from '../../src/model/errors.js';
import { assertFragmentInvariants } from '../helpers/fragment.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/podcast-html/${name}`, import.meta.url), 'utf8');

const read = (html: string) => reader.read(html, 'transcript.html');
const turnsOf = (html: string) => read(html).transcript?.turns ?? [];

describe('podcast-html reader', () => {
  describe('the spec snippet', () => {
    const fragment = read(fixture('spec-snippet.html'));
    const turns = fragment.transcript!.turns;

    it('reads one turn per <cite>/<time>/<p> block', () => {
      assert.equal(turns.length, 2);
      assert.match(turns[0]!.text, /^We have an update planned/);
    });

    it('takes speakers from <cite>, without the colon and the space before it ("Alban :")', () => {
      assert.deepEqual(turns.map((t) => t.speaker), ['Kevin', 'Alban']);
      assert.deepEqual(fragment.speakers, [{ name: 'Kevin' }, { name: 'Alban' }]);
    });

    it('takes exact starts from <time> and ends each turn where the next starts', () => {
      assert.deepEqual(turns.map((t) => [t.start, t.timing]), [[0, 'exact'], [9, 'exact']]);
      assert.equal(turns[0]!.end, 9);
      assert.ok(turns[1]!.end > 9, 'the last turn lasts as long as its words take');
    });
  });

  describe('a full hosted page', () => {
    const fragment = read(fixture('hosted-page.html'));

    it('reads the body of an <html> document and skips the head', () => {
      const turns = fragment.transcript!.turns;
      assert.equal(turns.length, 4);
      assert.equal(turns[0]!.text, 'Welcome to Low Tide. Today it’s all about kelp & the urchins that eat it.');
    });

    it('reads hour-long times ("1:02:03")', () => {
      assert.equal(fragment.transcript!.turns[3]!.start, 3723);
    });

    it('takes title, show and number from <title> and the language from <html lang>', () => {
      assert.equal(fragment.meta.title, 'Kelp Forests');
      assert.equal(fragment.meta.show, 'Low Tide Radio');
      assert.equal(fragment.meta.number, 12);
      assert.equal(fragment.meta.language, 'en');
    });
  });

  describe('real-world variants', () => {
    const turns = read(fixture('variants.html')).transcript!.turns;

    it('drops <script> and <style> contents, comments and navigation and footer paragraphs', () => {
      const all = turns.map((t) => t.text).join(' ');
      for (const gone of ['injected', 'not text', 'commented out', 'Home | Episodes', '2024 Low Tide Radio']) {
        assert.ok(!all.includes(gone), `"${gone}" should not be read`);
      }
    });

    it('turns <br> into a space, decodes entities and keeps the text of inline tags', () => {
      assert.equal(turns[0]!.text, 'The tide is out, so let’s go.');
      assert.equal(turns[4]!.text, 'Look! A sunflower star. Those are rare now.');
    });

    it('reads quoted attributes holding ">" and a time from the datetime attribute', () => {
      assert.equal(turns[0]!.speaker, null);
      assert.equal(turns[1]!.start, 65);
    });

    it('moves non-speech markers out of the text', () => {
      assert.equal(turns[1]!.text, 'First stop: the north pools. Careful, it\'s slippery.');
      assert.deepEqual(turns[1]!.markers, [{ kind: 'inaudible', label: 'inaudible 00:01:07', offset: 28 }]);
      assert.deepEqual(turns[4]!.markers, [{ kind: 'laughter', label: 'laughs', offset: 5 }]);
    });

    it('gives a later paragraph of the same speaker its own turn with an estimated start', () => {
      assert.equal(turns[2]!.speaker, 'Maya');
      assert.equal(turns[2]!.timing, 'estimated');
      assert.ok(turns[2]!.start > turns[1]!.start && turns[2]!.start < 120);
    });

    it('removes tags that entities spell out (&lt;script&gt;), keeping the words', () => {
      assert.equal(turns[3]!.text, 'No time here either; alert(1) is just text someone typed.');
    });

    it('treats a time that goes backwards as missing', () => {
      assert.equal(turns[5]!.timing, 'estimated');
      assert.ok(turns[5]!.start >= turns[4]!.start);
    });

    it('holds the fragment invariants', () => {
      assertFragmentInvariants(read(fixture('variants.html')), 'variants.html');
    });
  });

  describe('missing times and speakers', () => {
    it('estimates every time from the speech rate when no <time> is given', () => {
      const turns = turnsOf(fixture('no-times.html'));
      assert.ok(turns.every((t) => t.timing === 'estimated'));
      assert.equal(turns[0]!.start, 0);
      assert.equal(turns[1]!.start, turns[0]!.end);
    });

    it('gives a null speaker when there is no <cite>', () => {
      const turns = turnsOf('<time>0:00</time><p>Hello.</p><time>0:05</time><p>Again.</p>');
      assert.deepEqual(turns.map((t) => t.speaker), [null, null]);
    });

    it('keeps the previous speaker for a block with a time but no <cite>', () => {
      const turns = turnsOf('<cite>Ann:</cite><time>0:00</time><p>One.</p><time>0:30</time><p>Two.</p>');
      assert.deepEqual(turns.map((t) => [t.speaker, t.start]), [['Ann', 0], ['Ann', 30]]);
    });

    it('spreads untimed blocks between two given times by their words', () => {
      const turns = turnsOf('<time>0:00</time><p>one two</p><p>three four</p><time>0:10</time><p>five</p>');
      assert.deepEqual(turns.map((t) => t.start), [0, 5, 10]);
      assert.deepEqual(turns.map((t) => t.timing), ['exact', 'estimated', 'exact']);
    });

    it('places untimed blocks before the first time between 0 and that time', () => {
      const turns = turnsOf('<p>one two</p><time>0:04</time><p>three</p>');
      assert.deepEqual(turns.map((t) => t.start), [0, 4]);
    });
  });

  describe('markup details', () => {
    it('reads <cite> and <time> written at the start of a paragraph', () => {
      const turns = turnsOf('<p><cite>Ann:</cite> <time>0:07</time> Hello there.</p>');
      assert.deepEqual(turns.map((t) => [t.speaker, t.start, t.text]), [['Ann', 7, 'Hello there.']]);
    });

    it('keeps a <cite> inside running text as words (a quoted title, not a speaker)', () => {
      const turns = turnsOf('<cite>Ann:</cite><time>0:00</time><p>I loved <cite>Moby Dick</cite> as a kid.</p>');
      assert.deepEqual(turns.map((t) => [t.speaker, t.text]), [['Ann', 'I loved Moby Dick as a kid.']]);
    });

    it('closes an unclosed <p> at the next paragraph or block', () => {
      const turns = turnsOf('<cite>A:</cite><time>0:00</time><p>One.<cite>B:</cite><time>0:02</time><p>Two.<div>x</div>');
      assert.deepEqual(turns.map((t) => [t.speaker, t.text]), [['A', 'One.'], ['B', 'Two.']]);
    });

    it('reads upper-case tags and CDATA', () => {
      const turns = turnsOf('<CITE>Ann:</CITE><TIME>0:03</TIME><P>Hi <![CDATA[there]]>.</P>');
      assert.deepEqual(turns.map((t) => [t.speaker, t.start, t.text]), [['Ann', 3, 'Hi there.']]);
    });

    it('leaves a lone "<" in text as text', () => {
      assert.equal(turnsOf('<p>3 < 4 and 5 > 2</p>')[0]!.text, '3 < 4 and 5 > 2');
    });

    it('uses paragraphs inside page furniture when the page has no others', () => {
      assert.equal(turnsOf('<footer><p>Only words here.</p></footer>')[0]!.text, 'Only words here.');
    });

    it('survives an unterminated comment, tag or script', () => {
      for (const html of ['<p>Hi.</p><!-- never closed <p>x</p>', '<p>Hi.</p><p class="x', '<p>Hi.</p><script>var x = "</p>']) {
        const turns = turnsOf(html);
        assert.deepEqual(turns.map((t) => t.text), ['Hi.']);
      }
    });
  });

  describe('bad input', () => {
    it('refuses a document without paragraphs, saying what it expected', () => {
      assert.throws(
        () => read('<cite>Kevin:</cite><time>0:00</time>'),
        (e: unknown) => e instanceof InputError && /no transcript paragraphs/.test(e.message),
      );
    });

    it('stays linear on pathological markup', () => {
      const nasty = [
        '<p>' + '<a '.repeat(200_000) + '&lt;b '.repeat(100_000) + '</p>' + '<!--'.repeat(50_000),
        '<p>words' + '<cite>x</cite><time>1:00</time>'.repeat(100_000) + '</p>',
        '<p>' + '&lt;a &lt; '.repeat(100_000) + '</p>',
        '<cite>' + 'a'.repeat(2_000_000),
      ];
      for (const html of nasty) {
        const started = performance.now();
        try {
          read(html);
        } catch (error) {
          assert.ok(error instanceof InputError);
        }
        assert.ok(performance.now() - started < 10_000, `reads pathological markup quickly: ${html.slice(0, 20)}`);
      }
    });
  });

  describe('detection', () => {
    it('is sure (0.9) of cite/time/p transcripts, bare or in a page', () => {
      assert.equal(reader.detect(fixture('spec-snippet.html'), 'a.html'), 0.9);
      assert.equal(reader.detect(fixture('hosted-page.html'), 'a.html'), 0.9);
      assert.equal(reader.detect('  <time>0:00</time>\n  <p>Hello.</p>', 'transcript'), 0.9);
    });

    it('gives a generic page of paragraphs a low score (0.3)', () => {
      assert.equal(reader.detect('<html><body><h1>Blog</h1><p>Some post.</p></body></html>', 'a.html'), 0.3);
    });

    it('does not take a quote attribution or a publication date for transcript structure', () => {
      const blog =
        '<html><body><time datetime="2024-05-01">May 1, 2024</time><blockquote><p>Words.</p><cite>Someone</cite></blockquote><p>Text.</p></body></html>';
      assert.equal(reader.detect(blog, 'a.html'), 0.3);
    });

    it('ignores text that is not HTML', () => {
      assert.equal(reader.detect('WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>Hi <p>', 'a.vtt'), 0);
      assert.equal(reader.detect('{"segments": []}', 'a.json'), 0);
      assert.equal(reader.detect('Kevin: hello\nAlban: hi', 'a.txt'), 0);
    });
  });
});
