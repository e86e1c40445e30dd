import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { echoStart, transcriptPageReader as reader } from '../../src/formats/transcript-page.js';
import { InputError } from '../../src/model/errors.js';
import type { Turn } from '../../src/model/episode.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/transcript-page/${name}`, import.meta.url), 'utf8');

const YT = 'https://youtube.com/watch?v=Hb7QxT2m9Ls';
const turnsOf = (text: string): Turn[] => reader.read(text, 'page.md').transcript!.turns;

function refuses(text: string, reason: RegExp, line?: number): void {
  assert.throws(
    () => reader.read(text, 'page.md'),
    (error: unknown) =>
      error instanceof InputError && reason.test(error.reason) && (line === undefined || error.line === line),
  );
}

describe('transcript-page reader', () => {
  describe('the web clip header', () => {
    const fragment = reader.read(fixture('harbor-clip.md'), 'harbor-clip.md');

    it('reads title, show, number and guests from the Title line', () => {
      assert.equal(fragment.meta.title, 'Mara Quill: Tidal Power, Salt Marshes, and Patience');
      assert.equal(fragment.meta.show, 'Ned Harbor Podcast');
      assert.equal(fragment.meta.number, 57);
      assert.deepEqual(fragment.meta.guests, ['Mara Quill']);
    });

    it('keeps the publication time and the source URL without its #fragment', () => {
      assert.equal(fragment.meta.published, '2024-03-02T09:15:00+00:00');
      assert.deepEqual(fragment.meta.sourceUrls, ['https://nedharbor.example/mara-quill-transcript/']);
    });

    it('takes the YouTube id from the turn links and leaves the duration unknown', () => {
      assert.equal(fragment.meta.youtubeId, 'Hb7QxT2m9Ls');
      assert.equal(fragment.meta.duration, undefined);
    });

    it('names the host after the show and the guests after the title', () => {
      assert.deepEqual(fragment.speakers, [
        { name: 'Ned Harbor', role: 'host' },
        { name: 'Mara Quill', role: 'guest' },
      ]);
    });
  });

  describe('chapters', () => {
    it('starts a chapter at the first turn after its heading; adjacent headings share that start', () => {
      const chapters = reader.read(fixture('harbor-clip.md'), 'x').chapters!;
      assert.deepEqual(
        chapters.map((c) => [c.title, c.start]),
        [['Introduction', 0], ['Tides', 0], ['Salt marshes', 80], ['Patience', 160]],
      );
      assert.ok(chapters.every((c) => c.origin === 'given'));
    });

    it('reads ATX headings and unescapes their titles', () => {
      const text = [
        `## Dystopias: 1984\\. and *Brave New World*`,
        `Ann Lee [(00:00:05)](${YT}&t=5) One.`,
        `### Heading with a link [here](https://example.org)`,
        `Bo Chen [(00:00:09)](${YT}&t=9) Two.`,
      ].join('\n\n');
      const chapters = reader.read(text, 'x').chapters!;
      assert.deepEqual(chapters.map((c) => [c.title, c.start]), [['Dystopias: 1984. and Brave New World', 5], ['Heading with a link here', 9]]);
    });

    it('takes a time written in the heading itself', () => {
      const chapters = reader.read(fixture('bracket-first.txt'), 'x').chapters!;
      assert.deepEqual(chapters.map((c) => [c.title, c.start]), [['Cold open', 0], ['The worst storm', 90]]);
    });

    it('drops a heading after the last turn, which has no start', () => {
      const text = `Ann Lee [(00:00:05)](${YT}&t=5) One.\n\nAnn Lee [(00:00:07)](${YT}&t=7) Two.\n\nRelated posts\n-------------\n`;
      assert.equal(reader.read(text, 'x').chapters, undefined);
    });
  });

  describe('turns', () => {
    it('reads the speaker and the exact time of every turn', () => {
      const turns = turnsOf(fixture('harbor-clip.md'));
      assert.deepEqual(turns.slice(0, 3).map((t) => [t.speaker, t.start, t.end, t.timing]), [
        ['Ned Harbor', 0, 9, 'exact'],
        ['Mara Quill', 9, 14, 'exact'],
        ['Ned Harbor', 14, 18, 'exact'],
      ]);
    });

    it('gives a continuation line (a time, no name) to the previous speaker', () => {
      const turn = turnsOf(fixture('harbor-clip.md')).find((t) => t.start === 41)!;
      assert.equal(turn.speaker, 'Mara Quill');
      assert.match(turn.text, /^And the water is heavy\./);
    });

    it('reads the time from the link when the clock text is garbled', () => {
      const turns = turnsOf(`Ann Lee [(00:6x:00)](${YT}&t=360) Hello there.`);
      assert.equal(turns[0]!.start, 360);
    });

    it('ends the last turn after its words at 2.9 words per second', () => {
      const turns = turnsOf(`Ann Lee [(00:01:00)](${YT}&t=60) one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine`);
      assert.equal(turns[0]!.end, 70);
    });

    it('removes Markdown escapes and emphasis from the text', () => {
      const turn = turnsOf(`Ann Lee [(00:00:01)](${YT}&t=1) It was \\*really\\* **big**, a \\[sic\\] moment, see [the map](https://example.org/map).`)[0]!;
      assert.equal(turn.text, 'It was *really* big, a [sic] moment, see the map.');
    });

    it('moves transcriber notes into markers at the offset where they stood', () => {
      const turn = turnsOf(fixture('harbor-clip.md')).find((t) => t.start === 60)!;
      assert.equal(turn.text, 'Not at all. Barnacles love us. We lost a whole rotor in the first winter to and to plain stubbornness on our part.');
      assert.deepEqual(turn.markers, [{ kind: 'inaudible', label: 'inaudible 00:01:07', offset: 75 }]);
      assert.equal(turn.text.slice(0, 75), 'Not at all. Barnacles love us. We lost a whole rotor in the first winter to');
    });

    it('keeps a turn that is only a marker, with empty text', () => {
      const turns = turnsOf(fixture('harbor-clip.md'));
      const crosstalk = turns.find((t) => t.start === 124)!;
      assert.equal(crosstalk.text, '');
      assert.deepEqual(crosstalk.markers, [{ kind: 'crosstalk', label: 'crosstalk', offset: 0 }]);
      const foreign = turns.find((t) => t.start === 150)!;
      assert.deepEqual(foreign.markers?.map((m) => m.kind), ['foreign']);
    });

    it('joins a marker’s trailing punctuation to the text before it', () => {
      const turn = turnsOf(`Ann Lee [(00:00:01)](${YT}&t=1) They were \\[inaudible 00:00:02\\]. But then \\[inaudible\\], again.`)[0]!;
      assert.equal(turn.text, 'They were. But then, again.');
      assert.equal(turn.markers?.length, 2);
    });

    it('keeps bracketed words that are not transcriber notes', () => {
      const turn = turnsOf(`Ann Lee [(00:00:01)](${YT}&t=1) He [the mayor] said (music by a friend of mine) was playing.`)[0]!;
      assert.equal(turn.text, 'He [the mayor] said (music by a friend of mine) was playing.');
      assert.equal(turn.markers, undefined);
    });

    it('strips HTML from the text', () => {
      const turn = turnsOf(`Ann Lee [(00:00:01)](${YT}&t=1) <script>alert(1)</script>Fine &amp; dandy.`)[0]!;
      assert.equal(turn.text, 'alert(1)Fine & dandy.');
    });
  });

  describe('the sentence repeated at a transcription chunk boundary', () => {
    it('removes the cut-short copy from the earlier turn', () => {
      const turns = turnsOf(fixture('harbor-clip.md'));
      const earlier = turns.find((t) => t.start === 85)!;
      assert.equal(
        earlier.text,
        'Counting, mostly failing to count. The marsh is a sponge for the whole bay. It breathes in at high water and breathes out at low water, and the birds follow the breath.',
      );
      assert.match(turns.find((t) => t.start === 111)!.text, /^When you stand there at dawn/);
    });

    it('matches the repeat loosely, word by word', () => {
      const earlier = 'Our robot is named after a novel, which is one of my favourite books, which it is a book on boats. It’s-';
      const later = 'My favourite books, it’s a book on boats, disguised as a book on the sea.';
      assert.equal(earlier.slice(echoStart(earlier, later)!), 'my favourite books, which it is a book on boats. It’s-');
    });

    it('drops the earlier turn when it was nothing but the repeat', () => {
      const text = [
        `Ann Lee [(00:34:50)](${YT}&t=2090) We planted the orchard in the spring of the dry year…`,
        `Ann Lee [(00:35:00)](${YT}&t=2100) We planted the orchard in the spring of the dry year, and half of it died.`,
      ].join('\n\n');
      const turns = turnsOf(text);
      assert.equal(turns.length, 1);
      assert.equal(turns[0]!.start, 2100);
    });

    it('leaves a restart of one word, a finished sentence and another speaker alone', () => {
      assert.equal(echoStart('The gulls sit on the buoys, which, honestly-', 'Honestly, they might as well.'), null);
      assert.equal(echoStart('I love the sea. I love the sea.', 'I love the sea, she said.'), null);
      const text = [
        `Ann Lee [(00:10:00)](${YT}&t=600) Do you think the river will flood the town-`,
        `Bo Chen [(00:10:04)](${YT}&t=604) The river will flood the town, yes, every spring.`,
      ].join('\n\n');
      assert.equal(turnsOf(text)[0]!.text, 'Do you think the river will flood the town-');
    });
  });

  describe('other transcript page layouts', () => {
    it('reads bold names with a time and the speech on the lines below', () => {
      const fragment = reader.read(fixture('rev-style.md'), 'rev-style.md');
      assert.equal(fragment.meta.title, 'Compost, Worms and Winter Beds');
      const turns = fragment.transcript!.turns;
      assert.deepEqual(turns.map((t) => t.speaker).slice(0, 4), ['Priya Lane', 'Tom Beck', 'Priya Lane', 'Tom Beck']);
      assert.match(turns[5]!.text, /lift it\. They arrive on their own/);
    });

    it('reads "Name (MM:SS): text" lines', () => {
      const turns = turnsOf(fixture('short-clock.md'));
      assert.deepEqual(turns.map((t) => t.start), [3, 10, 14, 19, 21, 65, 68]);
    });

    it('reads "[HH:MM:SS] Name: text" lines, and a time alone continues the speaker', () => {
      const turns = turnsOf(fixture('bracket-first.txt'));
      assert.equal(turns[1]!.speaker, 'Dana Whitlock');
      assert.equal(turns[6]!.speaker, 'Dana Whitlock');
      assert.equal(turns[6]!.text, 'So now I keep crackers in the glovebox. Lesson learned.');
    });

    it('reads a name and a time alone on a line, with the speech below', () => {
      const turns = turnsOf('Kim Park  0:03\nHello, and welcome.\n\nLou Reyes  0:07\nThanks. Glad to be here.\n');
      assert.deepEqual(turns.map((t) => [t.speaker, t.start, t.text]), [
        ['Kim Park', 3, 'Hello, and welcome.'],
        ['Lou Reyes', 7, 'Thanks. Glad to be here.'],
      ]);
    });

    it('does not take a sentence with a time in brackets for a speaker', () => {
      const turns = turnsOf(`Ann Lee [(00:00:01)](${YT}&t=1) Start.\n\nAnd then we left (00:00:09) quickly.`);
      assert.equal(turns.length, 1);
      assert.equal(turns[0]!.text, 'Start. And then we left (00:00:09) quickly.');
    });
  });

  describe('bad input', () => {
    it('refuses a turn whose time is not a clock time, naming the line', () => {
      refuses(fixture('bad/broken-times.md'), /00:7x:10.*not a clock time/, 11);
    });

    it('refuses times that run backwards', () => {
      refuses(fixture('bad/backwards-times.md'), /00:02:00 is before the previous turn's 00:10:05/, 5);
    });

    it('refuses a page with no speaker turns', () => {
      refuses(fixture('bad/no-turns.md'), /no speaker turns/);
      refuses('', /no speaker turns/);
    });
  });

  describe('detection', () => {
    it('is sure of a web clip with timestamped turns', () => {
      assert.ok(reader.detect(fixture('harbor-clip.md'), 'x') >= 0.9);
    });

    it('is confident of bare Markdown turns', () => {
      for (const name of ['rev-style.md', 'bracket-first.txt', 'short-clock.md']) {
        const score = reader.detect(fixture(name), name);
        assert.ok(score >= 0.85 && score <= 0.95, `${name}: ${score}`);
      }
    });

    it('leaves timed lines with no sign of a web page to the plain-text reader', () => {
      const lines = ['Ann Lee (00:01): One.', 'Bo Chen (00:04): Two.', 'Ann Lee (00:09): Three.', 'Bo Chen (00:12): Four.', 'Ann Lee (00:15): Five.'];
      assert.equal(reader.detect(lines.join('\n') + '\n', 'a.txt'), 0);
      assert.equal(reader.detect('[00:00:04] Ann Lee: One.\n[00:00:09] Bo Chen: Two.\n[00:00:15] Ann Lee: Three.\n', 'a.txt'), 0);
      assert.ok(reader.detect(`# Show\n\n${lines.join('\n\n')}\n`, 'a.md') >= 0.9);
    });

    it('does not claim subtitles, prose or untimed "Name: text" dialogue', () => {
      assert.equal(reader.detect('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello\n', 'a.vtt'), 0);
      assert.equal(reader.detect('1\n00:00:01,000 --> 00:00:04,000\nHello\n', 'a.srt'), 0);
      assert.equal(reader.detect('Ann: Hello.\nBo: Hi there.\nAnn: How are you?\nBo: Fine.\nAnn: Good.\n', 'a.txt'), 0);
      assert.equal(reader.detect('The meeting began at 10:30 and ended late.\n'.repeat(20), 'a.txt'), 0);
    });
  });
});
