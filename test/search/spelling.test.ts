import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, oneEditAway, soundKey, soundKeys, spellingSimilarity } from '../../src/search/spelling.js';

describe('spelling variants', () => {
  it('gives names that sound alike the same key', () => {
    assert.equal(soundKey('saramba'), soundKey('zaremba'));
    assert.equal(soundKey('fridman'), soundKey('friedman'));
  });

  it('finds a dropped letter through one-deletion keys', () => {
    assert.ok(soundKeys('karpathi').some((k) => soundKeys('kapathi').includes(k)));
  });

  it('accepts mishearings and typos of names, not different common words', () => {
    assert.ok(spellingSimilarity('zaremba', 'saramba') > 0.6);
    assert.ok(spellingSimilarity('karpathi', 'kapathi') > 0.6);
    assert.ok(spellingSimilarity('homolgi', 'homolog') > 0.6);
    assert.equal(spellingSimilarity('trick', 'rick'), 0);
    assert.equal(spellingSimilarity('repli', 'replic'), 0);
    assert.equal(spellingSimilarity('cat', 'cut'), 0);
  });

  it('measures edit distance with transpositions and stops early', () => {
    assert.equal(editDistance('abcd', 'abdc'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('a', 'abcdefgh', 2), 3);
  });

  it('lists every string one typing slip away', () => {
    const near = oneEditAway('persoality');
    for (const w of ['personality', 'persoalty', 'perosality', 'persoalitx']) assert.ok(near.has(w), w);
    assert.ok(!near.has('persoality'), 'not the word itself');
    assert.ok(!near.has('personalty'), 'two slips away');
    assert.equal(oneEditAway('ab').size, new Set(oneEditAway('ab')).size);
  });
});
