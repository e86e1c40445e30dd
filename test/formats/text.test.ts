import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities, estimateTurns, formatClock, parseClock, plainText, splitSentences, youtubeIdFromUrl } from '../../src/formats/text.js';

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
});

describe('formatClock', () => {
  it('prints h:mm:ss over an hour and m:ss under', () => {
    assert.equal(formatClock(5581), '1:33:01');
    assert.equal(formatClock(65.9), '1:05');
    assert.equal(formatClock(0), '0:00');
  });
});

describe('text cleaning', () => {
  it('decodes named and numeric entities and leaves unknown ones', () => {
    assert.equal(decodeEntities('Tom &amp; Jerry &lt;3 &#8217; &#x2014; &bogus;'), 'Tom & Jerry <3 ’ — &bogus;');
  });

  it('removes tags but keeps their text', () => {
    assert.equal(plainText('<v Lex>Hello <b>there</b></v>\n <script>x</script>'), 'Hello there x');
  });
});

describe('splitSentences', () => {
  it('keeps abbreviations and decimals inside sentences', () => {
    assert.deepEqual(splitSentences('Mr. Smith paid 3.5 dollars. Did he? Yes.'), ['Mr. Smith paid 3.5 dollars.', 'Did he?', 'Yes.']);
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
