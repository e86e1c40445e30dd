import assert from 'node:assert/strict';
import type { EpisodeFragment } from '../../src/model/episode.js';

// "[^<>]*", not "[^>]*": the latter backtracks quadratically over thousands of unclosed "<a" in a hostile text.
const MARKUP = /<\/?[a-zA-Z][^<>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** What every fragment from every reader must hold. */
export function assertFragmentInvariants(fragment: EpisodeFragment, what: string): void {
  assert.ok(fragment && typeof fragment === 'object', `${what}: fragment is an object`);
  assert.ok(fragment.meta && typeof fragment.meta === 'object', `${what}: fragment has meta`);
  const has = (fragment.transcript?.turns.length ?? 0) + (fragment.highlights?.length ?? 0) +
    (fragment.summary ? fragment.summary.insights.length + fragment.summary.sections.length + fragment.summary.mentions.length : 0);
  assert.ok(has > 0, `${what}: fragment carries some content (turns, highlights or summary)`);

  for (const [field, value] of Object.entries(fragment.meta)) {
    if (typeof value === 'string') {
      assert.ok(!MARKUP.test(value), `${what}: meta.${field} holds markup: ${value.slice(0, 80)}`);
      assert.ok(value.trim().length > 0, `${what}: meta.${field} is blank`);
    }
  }
  if (fragment.meta.number !== undefined) assert.ok(Number.isInteger(fragment.meta.number), `${what}: number is an integer`);

  let previousStart = -Infinity;
  fragment.transcript?.turns.forEach((turn, i) => {
    const where = `${what}: turn ${i}`;
    assert.ok(Number.isFinite(turn.start) && Number.isFinite(turn.end), `${where}: times are finite`);
    assert.ok(turn.start >= 0, `${where}: start is not negative`);
    assert.ok(turn.end >= turn.start, `${where}: end ${turn.end} before start ${turn.start}`);
    assert.ok(turn.start >= previousStart, `${where}: starts ${turn.start} before the previous turn ${previousStart}`);
    previousStart = turn.start;
    assert.ok(['exact', 'aligned', 'estimated'].includes(turn.timing), `${where}: timing ${turn.timing}`);
    assert.equal(typeof turn.text, 'string');
    assert.ok(turn.text.trim().length > 0 || (turn.markers?.length ?? 0) > 0, `${where}: has text or a marker`);
    assert.ok(!MARKUP.test(turn.text), `${where}: text holds markup: ${turn.text.slice(0, 80)}`);
    assert.ok(turn.speaker === null || (typeof turn.speaker === 'string' && turn.speaker.trim().length > 0), `${where}: speaker`);
    for (const tr of turn.translations ?? []) assert.ok(tr.lang && tr.text.trim(), `${where}: translation has lang and text`);
  });

  for (const chapter of fragment.chapters ?? []) {
    assert.ok(chapter.title.trim().length > 0, `${what}: chapter title`);
    assert.ok(Number.isFinite(chapter.start) && chapter.start >= 0, `${what}: chapter start`);
    assert.ok(!MARKUP.test(chapter.title), `${what}: chapter title holds markup`);
  }
  for (const h of fragment.highlights ?? []) {
    if (h.start !== null) assert.ok(Number.isFinite(h.start) && h.start >= 0, `${what}: highlight start`);
    if (h.end !== null) assert.ok(Number.isFinite(h.end) && (h.start === null || h.end >= h.start), `${what}: highlight end`);
    assert.ok(!MARKUP.test(h.text), `${what}: highlight text holds markup`);
  }
}

/** Asserts that every key and array element in `expected` is present (recursively) in `actual`. */
export function assertSubset(expected: unknown, actual: unknown, path: string): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array`);
    assert.ok(actual.length >= expected.length, `${path}: expected at least ${expected.length} items, got ${actual.length}`);
    expected.forEach((item, i) => assertSubset(item, actual[i], `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path}: expected an object`);
    for (const [key, value] of Object.entries(expected)) {
      assertSubset(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
    }
  } else if (typeof expected === 'number' && typeof actual === 'number') {
    assert.ok(Math.abs(expected - actual) < 1e-6, `${path}: expected ${expected}, got ${actual}`);
  } else {
    assert.deepEqual(actual, expected, `${path}`);
  }
}
