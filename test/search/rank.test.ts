import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collapseAdjacent, idf, passageScore, rank, VERBOSE_QUERY_WORDS, type RankCandidate, type RankQuery } from '../../src/search/rank.js';
import { contentStems } from '../../src/text/words.js';

function candidate(id: number, episodeId: string, text: string, context = ''): RankCandidate {
  return { id, episodeId, stems: contentStems(text), contextStems: contentStems(context), lowerText: text.toLowerCase() };
}

function query(words: string[], extra: Partial<RankQuery> = {}): RankQuery {
  return {
    terms: contentStems(words.join(' ')).map((s) => ({ stem: s, idf: 3, weight: 1 })),
    phrases: [],
    compounds: [],
    prefixes: [],
    exactWords: [],
    prior: new Map(),
    nameStems: new Map(),
    avgLength: 10,
    contentWords: words.length,
    ...extra,
  };
}

describe('ranking', () => {
  it('prefers the passage with more of the query words', () => {
    const q = query(['cortex', 'napkin']);
    const a = candidate(1, 'e1', 'The cortex is a thin sheet, about as thick as a napkin.');
    const b = candidate(2, 'e1', 'The cortex is where thinking happens.');
    assert.ok(passageScore(a, q) > passageScore(b, q));
  });

  it('lets a guest name pick the episode, and not count again inside it (the intro must not win)', () => {
    const q = query(['hawkins', 'cortex', 'napkin'], { prior: new Map([['hawkins-ep', 1]]), nameStems: new Map([['hawkins-ep', new Set(['hawkin'])]]) });
    const intro = candidate(1, 'hawkins-ep', 'The following is a conversation with Jeff Hawkins about the cortex.');
    const answer = candidate(2, 'hawkins-ep', 'The cortex is a thin sheet, about as thick as a napkin.');
    const elsewhere = candidate(3, 'other-ep', 'The cortex is a thin sheet, about as thick as a napkin.');
    const order = rank([intro, answer, elsewhere], q, () => () => []).map((r) => r.id);
    assert.equal(order[0], 2);
    assert.ok(order.indexOf(2) < order.indexOf(3), 'the named episode wins over the same words elsewhere');
  });

  it('gives a passage a share of its neighbours evidence', () => {
    const q = query(['contain', 'sars']);
    const a = candidate(1, 'e', 'sars one was deadly and patients were in hospital');
    const b = candidate(2, 'e', 'sars one was deadly and patients were in hospital');
    const ranked = rank([a, b], q, () => (c) => (c.id === 2 ? [{ episodeId: 'e', stems: contentStems('so it was easy to contain') }] : []));
    assert.equal(ranked[0]!.id, 2);
  });

  it('lets a long, descriptive query prefer the episode where many passages match it', () => {
    const words = ['robot', 'apocalypse', 'worry', 'employment', 'change', 'technology', 'powerful', 'react'];
    assert.ok(words.length >= VERBOSE_QUERY_WORDS);
    const q = query(words);
    // One passage elsewhere shares as many words as the answer; the answer's episode matches the description throughout.
    const lucky = candidate(1, 'other', 'robot apocalypse worry');
    const answer = candidate(2, 'norvig', 'robot apocalypse worry');
    const around = [3, 4, 5].map((id) => candidate(id, 'norvig', 'powerful technology change employment react'));
    const ids = (ranked: { id: number }[]) => ranked.map((r) => r.id).filter((id) => id <= 2);
    assert.deepEqual(ids(rank([lucky, answer, ...around], q, () => () => [])), [2, 1]);
    // A short keyword query is precise: the tie stays a tie, broken by id.
    const short = query(words.slice(0, 3));
    assert.deepEqual(ids(rank([lucky, answer, ...around], short, () => () => [])), [1, 2]);
  });

  it('rewards a quoted phrase found verbatim', () => {
    const q = query(['thousand', 'brains'], { phrases: [['thousand', 'brains']] });
    const exact = candidate(1, 'e', 'his theory of a thousand brains');
    const apart = candidate(2, 'e', 'a thousand ideas about brains');
    assert.ok(passageScore(exact, q) > passageScore(apart, q));
  });

  it('shows a moment once: a passage beside a better-ranked one of the same episode is dropped', () => {
    const where = new Map([
      [1, { episodeId: 'a', seq: 10 }],
      [2, { episodeId: 'a', seq: 11 }],
      [3, { episodeId: 'b', seq: 11 }],
      [4, { episodeId: 'a', seq: 13 }],
      [5, { episodeId: 'a', seq: 9 }],
    ]);
    const ranked = [1, 2, 3, 4, 5].map((id, i) => ({ id, score: 10 - i }));
    assert.deepEqual(collapseAdjacent(ranked, (id) => where.get(id)!).map((r) => r.id), [1, 3, 4]);
  });

  it('weighs rare words more than common ones', () => {
    assert.ok(idf(1, 1000) > idf(500, 1000));
    assert.ok(idf(1000, 1000) >= 0);
  });
});
