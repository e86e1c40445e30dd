import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compoundSplits, joinedPairs } from '../../src/search/compounds.js';

const words = new Set(['audio', 'book', 'wild', 'fire', 'wildfire', 'man', 'kind', 'cross']);
const isWord = (w: string) => words.has(w);

describe('compounds', () => {
  it('cuts a word into two words the library has', () => {
    assert.deepEqual(compoundSplits('audiobook', isWord), [['audio', 'book']]);
    assert.deepEqual(compoundSplits('wildfire', isWord), [['wild', 'fire']]);
  });

  it('needs two real parts of three letters or more, neither a stopword', () => {
    assert.deepEqual(compoundSplits('across', isWord), [], '"a" + "cross": too short a part');
    assert.deepEqual(compoundSplits('audiobooks', isWord), []);
    assert.deepEqual(compoundSplits('Audio-book', isWord), [], 'letters only');
    assert.deepEqual(compoundSplits('audio'.repeat(4) + 'book'.repeat(3), () => true), [], 'not a word of 32 letters');
    assert.deepEqual(compoundSplits('bookthe', (w) => w === 'book' || w === 'the'), []);
  });

  it('joins adjacent words', () => {
    assert.deepEqual(joinedPairs(['flash', 'light', 'arches']), ['flashlight', 'lightarches']);
    assert.deepEqual(joinedPairs(['e', 'mail']), [], 'parts under three letters are not joined');
    assert.deepEqual(joinedPairs(['audio']), []);
  });
});
