// Which words the candidate query asks FTS5 for: the rare ones, rarest first, within a budget of postings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { candidateWords, type CandidateLimits } from '../../src/search/fts.js';

const LIMITS: CandidateLimits = { maxShare: 0.05, postingShare: 0.1, minPostings: 100, minWords: 2 };
const df = (table: Record<string, number>) => (w: string) => table[w] ?? 0;

describe('candidate words', () => {
  it('leaves out words too common to decide anything, rarest first', () => {
    const words = candidateWords(['think', 'cortex', 'napkin', 'sheet'], df({ think: 900, cortex: 30, napkin: 2, sheet: 40 }), 10_000, LIMITS);
    assert.deepEqual(words, ['napkin', 'cortex', 'sheet']);
  });

  it('stops adding words once their postings pass the budget, but keeps the rarest few', () => {
    const table = { a: 300, b: 400, c: 450, d: 5 };
    // budget: a tenth of 10,000 passages = 1,000 postings; d (5) + a (300) + b (400) fit, c would pass it.
    assert.deepEqual(candidateWords(['a', 'b', 'c', 'd'], df(table), 10_000, LIMITS), ['d', 'a', 'b']);
    // A budget too small for even two words still keeps the two rarest.
    assert.deepEqual(candidateWords(['a', 'b', 'c', 'd'], df(table), 10_000, { ...LIMITS, postingShare: 0.0001, minPostings: 0 }), ['d', 'a']);
  });

  it('never prunes a small library: the budget is at least minPostings', () => {
    const table = { a: 3, b: 4, c: 4, d: 4, e: 4 };
    assert.deepEqual(candidateWords(['a', 'b', 'c', 'd', 'e'], df(table), 100, { ...LIMITS, maxShare: 1 }), ['a', 'b', 'c', 'd', 'e']);
  });

  it('searches for every word when none is rare (a query of common words still finds something)', () => {
    assert.deepEqual(candidateWords(['people', 'think'], df({ people: 5000, think: 6000 }), 10_000, LIMITS), ['people', 'think']);
  });
});
