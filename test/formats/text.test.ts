import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTurns } from '../../src/formats/turns.js';
import {
  countWords,
  decodeEntities,
  formatClock,
  parseClock,
  plainText,
  splitSentences,
  squash,
  stripMarkup,
  stripTags,
  youtubeIdFromUrl,
} from '../../src/formats/text.js';

describe('parseClock', () => {
  it('reads hours, minutes, seconds and fractions with "." or ","', () => {
    assert.equal(parseClock('01:02:03.456'), 3723.456);
    assert.equal(parseClock('01:02:03,5'), 3723.5);
    assert.equal(parseClock('02:03'), 123);
    assert.equal(parseClock('0:0:5,2'), 5.2);
    assert.equal(parseClock('1:33:01'), 5581);
  });

  it('refuses what is not a time', () => {
    for (const bad of ['', 'abc', '1:60', '99:99:99.999', '1:2:3:4:5', '12']) assert.equal(parseClock(bad), null, bad);
  });

  it('never reads a colon as the start of a fraction', () => {
    assert.equal(parseClock('00:00:05:120'), null);
    assert.equal(parseClock('00:05:120'), null);
    assert.equal(parseClock('00:00:05.120'), 5.12);
  });
});

describe('formatClock', () => {
  it('prints h:mm:ss over an hour and m:ss under', () => {
    assert.equal(formatClock(5581), '1:33:01');
    assert.equal(formatClock(65.9), '1:05');
    assert.equal(formatClock(0), '0:00');
  });

  it('prints padded times, with milliseconds when asked, for messages', () => {
    assert.equal(formatClock(125, 'padded'), '00:02:05');
    assert.equal(formatClock(5.5, 'millis'), '00:00:05.500');
    assert.equal(formatClock(3723.456, 'millis'), '01:02:03.456');
  });
});

describe('text cleaning', () => {
  it('decodes named and numeric entities and leaves unknown ones', () => {
    assert.equal(decodeEntities('Tom &amp; Jerry &lt;3 &#8217; &#x2014; &bogus;'), 'Tom & Jerry <3 ’ — &bogus;');
  });

  it('knows every HTML5 name, but only with its semicolon', () => {
    assert.equal(decodeEntities('&hearts; &notin; &Uuml;ber &#150; &#0;'), '♥ ∉ Über – \uFFFD');
    assert.equal(decodeEntities('AT&T &copy 2024 this&notit'), 'AT&T &copy 2024 this&notit');
  });

  it('removes tags but keeps their text', () => {
    assert.equal(plainText('<v Lex>Hello <b>there</b></v>\n <script>x</script>'), 'Hello there x');
  });

  it('drops inline tags without a space and line-breaking ones with one', () => {
    assert.equal(stripTags('un<i>believ</i>able<br>next<!-- note -->.'), 'unbelievable next.');
    assert.equal(stripTags('a < b and c <d'), 'a < b and c <d');
  });

  it('leaves no tag or entity, even escaped, nested or unknown ones', () => {
    assert.equal(plainText('<script>alert(1)</script>&lt;b&gt;x&lt;/b&gt; &amp;amp;'), 'alert(1)x &');
    const text = plainText('a <<b>i>x</i> &hearts; &#99999999; &bogus; <b < c> b');
    assert.equal(text.match(/<\/?[a-z][^<>]*>|&[a-z#0-9]+;/i), null, text);
    assert.match(text, /& bogus;/);
    assert.equal(stripMarkup('line one\n<i>line</i> two'), 'line one\nline two');
  });

  it('cleans hostile texts in linear time', () => {
    for (const text of ['&lt;b&gt;x'.repeat(200_000), '<<b>'.repeat(100_000), '<a'.repeat(1_000_000), '<!--'.repeat(500_000), '&amp;'.repeat(400_000)]) {
      const started = performance.now();
      plainText(text);
      assert.ok(performance.now() - started < 10_000, text.slice(0, 12));
    }
  });

  it('squashes whitespace, control characters included', () => {
    assert.equal(squash('  a \t b\u00a0\n c  '), 'a b c');
    assert.equal(plainText('a\u0001b\u200bc'), 'a b c');
  });

  it('counts words separated by any whitespace', () => {
    assert.equal(countWords(' one  two\tthree\u3000four '), 4);
    assert.equal(countWords(''), 0);
  });
});

describe('splitSentences', () => {
  it('keeps abbreviations and decimals inside sentences', () => {
    assert.deepEqual(splitSentences('Mr. Smith paid 3.5 dollars. Did he? Yes.'), ['Mr. Smith paid 3.5 dollars.', 'Did he?', 'Yes.']);
  });

  it('does not split inside dotted names ("gradient.run/lex", "indeed.com")', () => {
    assert.deepEqual(splitSentences('Visit gradient.run/lex today. It is good.'), ['Visit gradient.run/lex today.', 'It is good.']);
    assert.deepEqual(splitSentences('Go to indeed.com/lex. Then apply.'), ['Go to indeed.com/lex.', 'Then apply.']);
  });
});

describe('estimateTurns', () => {
  it('lays texts end to end at 2.9 words per second', () => {
    const turns = estimateTurns([{ text: 'one two three' }, { text: 'four five six seven eight nine' }]);
    assert.equal(turns[0]!.start, 0);
    assert.equal(turns[0]!.end, 1.034);
    assert.equal(turns[1]!.start, 1.034);
    assert.equal(turns[1]!.timing, 'estimated');
  });
});

describe('youtubeIdFromUrl', () => {
  it('reads watch, short and embed links', () => {
    assert.equal(youtubeIdFromUrl('https://youtube.com/watch?v=JN3KPFbWCy8&t=33'), 'JN3KPFbWCy8');
    assert.equal(youtubeIdFromUrl('https://www.youtube.com/watch?feature=x&v=U5OD8MjYnOM'), 'U5OD8MjYnOM');
    assert.equal(youtubeIdFromUrl('https://youtu.be/U5OD8MjYnOM?t=5'), 'U5OD8MjYnOM');
    assert.equal(youtubeIdFromUrl('https://example.com/watch?v=short'), null);
  });
});
