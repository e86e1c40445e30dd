// Search through the library, end to end on a real SQLite file.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteLibrary } from '../../src/store/sqlite/sqlite-library.js';
import { parseQuery } from '../../src/search/query.js';
import type { Turn } from '../../src/model/episode.js';

let dir: string;
let library: SqliteLibrary;

function turns(lines: [string, string][]): Turn[] {
  return lines.map(([speaker, text], i) => ({ speaker, start: i * 12, end: i * 12 + 12, timing: 'exact', text }));
}

const BRIDGES = turns([
  ['Maya Okafor', 'Welcome back. Today my guest is Dara Whitfield, a structural engineer who inspects old bridges.'],
  ['Dara Whitfield', 'Thanks for having me. I have spent twenty years crawling under arches with a flashlight.'],
  ['Maya Okafor', 'What actually makes an old stone arch stand up?'],
  ['Dara Whitfield', 'A masonry arch is like a crowd leaning on each other. Every stone pushes on its neighbours.'],
  ['Dara Whitfield', 'Remove one stone from the middle and the whole crowd falls, which is why the keystone matters.'],
  ['Maya Okafor', 'And what brings them down in the end?'],
  ['Dara Whitfield', 'Mostly scour. The river digs the gravel out from under the piers during floods.'],
  ['Dara Whitfield', 'The engineer Kapathy showed that half of river bridge failures come from scour, not from traffic.'],
  ['Maya Okafor', 'That is sobering. Tell me about the Iron Bridge of 1779.'],
  ['Dara Whitfield', 'It was built with carpentry joints, dovetails and mortise and tenon, in cast iron.'],
]);

const BREAD = turns([
  ['Sam Ortega', 'A sourdough starter is a city of yeast and bacteria.'],
  ['Priya Raman', 'There are about a hundred bacteria for every yeast cell in a healthy starter.'],
  ['Priya Raman', 'Temperature is the steering wheel of sourdough: warm makes it sour faster.'],
  ['Sam Ortega', 'And the keystone of good bread?'],
  ['Priya Raman', 'Time. A cold fridge and patience do more than any flour.'],
  ['Priya Raman', 'I learned it from an audio book about fermentation, on long drives.'],
]);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'podsift-search-'));
  library = new SqliteLibrary(join(dir, 'library.db'));
  library.addSource({ path: '/a/12.vtt', hash: 'h1', size: 1, format: 'test', fragment: { meta: { show: 'The Tinkering Hour', number: 12, title: 'Dara Whitfield: How Old Bridges Stay Up', guests: ['Dara Whitfield'], youtubeId: 'abcdefghijk', published: '2025-03-01' }, transcript: { turns: BRIDGES } } });
  library.addSource({ path: '/a/13.vtt', hash: 'h2', size: 1, format: 'test', fragment: { meta: { show: 'Field Notes', number: 3, title: 'Priya Raman: Sourdough', guests: ['Priya Raman'], mediaUrl: 'https://example.com/13.mp3', published: '2026-01-01' }, transcript: { turns: BREAD } } });
  library.maintain();
});

after(() => {
  library.close();
  rmSync(dir, { recursive: true, force: true });
});

const search = (q: string, options = {}) => library.search(parseQuery(q), options);

describe('library search', () => {
  it('finds the moment, with episode, speaker, time, marked snippet and a link that plays it', () => {
    const [hit] = search('arch crowd leaning').hits;
    assert.ok(hit);
    assert.equal(hit.episode, 'tinkering-hour-12');
    assert.equal(hit.title, 'Dara Whitfield: How Old Bridges Stay Up');
    assert.equal(hit.speaker, 'Dara Whitfield');
    assert.match(hit.snippet, /\*\*arch\*\* is like a \*\*crowd\*\* \*\*leaning\*\*/);
    assert.equal(hit.link, `https://youtube.com/watch?v=abcdefghijk&t=${Math.floor(hit.start)}`);
  });

  it('links to the media URL with #t= when there is no YouTube id', () => {
    const [hit] = search('steering wheel sourdough').hits;
    assert.equal(hit!.link, `https://example.com/13.mp3#t=${Math.floor(hit!.start)}`);
  });

  it('finds a name the transcript misheard ("Karpathy" for "Kapathy")', () => {
    assert.equal(search('Karpathy scour failures').hits[0]?.episode, 'tinkering-hour-12');
  });

  it('corrects a typing slip that changes how the word stems ("structual" for "structural")', () => {
    const page = search('structual');
    assert.equal(page.hits[0]?.episode, 'tinkering-hour-12');
    assert.match(page.hits[0]!.snippet, /\*\*structural\*\*/);
    assert.equal(search('xqzvbnmkl').hits.length, 0, 'a word nothing is one slip from finds nothing');
  });

  it('finds a compound written apart or together ("audiobook" / "audio book", "flash light" / "flashlight")', () => {
    const apart = search('audiobook fermentation').hits[0];
    assert.equal(apart?.episode, 'field-notes-3');
    assert.match(apart.snippet, /\*\*audio\*\* \*\*book\*\*/);
    const together = search('flash light arches').hits[0];
    assert.equal(together?.episode, 'tinkering-hour-12');
    assert.match(together.snippet, /\*\*flashlight\*\*/);
    assert.equal(search('audiobook').hits[0]?.episode, 'field-notes-3', 'a lone compound is found through its parts');
  });

  it('filters by show, episode, speaker and dates', () => {
    assert.deepEqual(search('keystone').hits.map((h) => h.episode).sort(), ['field-notes-3', 'tinkering-hour-12']);
    assert.deepEqual(search('keystone show:field').hits.map((h) => h.episode), ['field-notes-3']);
    assert.deepEqual(search('keystone episode:#12').hits.map((h) => h.episode), ['tinkering-hour-12']);
    assert.deepEqual(search('keystone speaker:"sam ortega"').hits.map((h) => h.episode), ['field-notes-3']);
    assert.deepEqual(search('keystone after:2026').hits.map((h) => h.episode), ['field-notes-3']);
    assert.deepEqual(search('keystone before:2025-12').hits.map((h) => h.episode), ['tinkering-hour-12']);
  });

  it('pages through results', () => {
    const all = search('keystone', { limit: 1 });
    assert.equal(all.hits.length, 1);
    assert.equal(all.more, true);
    const second = search('keystone', { limit: 1, offset: 1 });
    assert.notEqual(second.hits[0]!.episode, all.hits[0]!.episode);
  });

  it('answers every odd query with results or a clear message, never an error', () => {
    // Also what reaches the typo and compound steps: 64 unknown words, words of 30-40 letters, quotes inside words.
    const unknown = Array.from({ length: 64 }, (_, i) => `zqxv${'bcdfghjklm'.slice(i % 10)}wpt`).join(' ');
    const odd = ['"unbalanced', 'NEAR(', '*', '-', 'x'.repeat(10_000), '🦀', '東京', 'the of and', '', 'episode:#999 arch', 'after:never arch'];
    for (const q of [...odd, unknown, 'audiobook'.repeat(4), 'flashlight'.repeat(3), 'audio"book flash"light', 'OR AND NOT audio book']) {
      const page = search(q);
      assert.ok(Array.isArray(page.hits) && Array.isArray(page.warnings), q.slice(0, 20));
    }
    assert.match(search('').warnings[0]!, /no words/);
    assert.match(search('after:never arch').warnings[0]!, /not a date/);
    assert.ok(search('the of and').hits.length >= 0);
    assert.match(search('episode:#999 arch').warnings.at(-1)!, /no episode #999/);
  });

  it('keeps the index and its statistics in step when an episode is removed', () => {
    library.removeEpisode('field-notes-3');
    assert.deepEqual(search('sourdough').hits, []);
    const db = new Database(join(dir, 'library.db'), { readonly: true });
    try {
      const state = Object.fromEntries(db.prepare("SELECT name, value FROM search_state WHERE name IN ('passages', 'stems')").all().map((r) => [(r as { name: string }).name, (r as { value: number }).value]));
      const actual = db.prepare('SELECT COUNT(*) AS passages, SUM(length) AS stems FROM passages').get() as { passages: number; stems: number };
      assert.deepEqual(state, { passages: actual.passages, stems: actual.stems });
    } finally {
      db.close();
    }
  });
});

describe('document frequencies', () => {
  it('rank alike whether read from FTS5 before maintain() or from term_df after it', () => {
    const other = new SqliteLibrary(join(dir, 'fresh.db'));
    try {
      other.addSource({ path: '/a/12.vtt', hash: 'h1', size: 1, format: 'test', fragment: { meta: { show: 'The Tinkering Hour', number: 12, title: 'Dara Whitfield: How Old Bridges Stay Up', guests: ['Dara Whitfield'] }, transcript: { turns: BRIDGES } } });
      other.addSource({ path: '/a/13.vtt', hash: 'h2', size: 1, format: 'test', fragment: { meta: { show: 'Field Notes', number: 3, title: 'Priya Raman: Sourdough', guests: ['Priya Raman'] }, transcript: { turns: BREAD } } });
      const queries = ['arch crowd leaning', 'keystone', 'bacteria yeast starter', 'river scour floods', '"cast iron" joints', 'structual bridges', 'audiobook fermentation'];
      const run = () => queries.map((q) => other.search(parseQuery(q), { limit: 5 }).hits.map((h) => [h.episode, h.start, h.score]));
      const before = run();
      other.maintain();
      assert.deepEqual(run(), before);
      // A removed episode's words stop counting once maintain() runs again.
      other.removeEpisode('field-notes-3');
      other.maintain();
      assert.deepEqual(other.search(parseQuery('sourdough'), {}).hits, []);
    } finally {
      other.close();
    }
  });
});
