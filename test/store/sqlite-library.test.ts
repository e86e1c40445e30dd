import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteLibrary } from '../../src/store/sqlite/sqlite-library.js';
import type { EpisodeFragment, Turn } from '../../src/model/episode.js';
import type { SourceInput } from '../../src/store/library.js';

/** Deterministic pseudo-speech: long enough to fingerprint, different for different seeds. */
function speech(seed: number, words = 2000): string {
  const vocabulary = 'the bridge river winter water workers gravel piles clay foreman notebook coat spring town bread flour salt time dough oven crust shop seven morning slow open customers taste two days and of a to in was it'.split(' ');
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(vocabulary[(x >>> 8) % vocabulary.length]!);
  }
  return out.join(' ');
}

const SPEECH = speech(1);
const OTHER_SPEECH = speech(2);

function turns(text: string, timing: Turn['timing'], speaker: string | null = null): Turn[] {
  const words = text.split(/\s+/);
  const out: Turn[] = [];
  for (let i = 0; i < words.length; i += 12) {
    out.push({ speaker, start: i, end: i + 11, timing, text: words.slice(i, i + 12).join(' ') });
  }
  return out;
}

let counter = 0;
function source(path: string, fragment: EpisodeFragment, hash = `hash-${++counter}`): SourceInput {
  return { path, hash, size: 100, format: 'test', fragment };
}

let dir: string;
let library: SqliteLibrary;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'podsift-store-'));
  library = new SqliteLibrary(join(dir, 'library.db'));
});

afterEach(() => {
  library.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteLibrary: adding sources', () => {
  it('adds a source as a new episode with an id from show and number', () => {
    const outcome = library.addSource(
      source('/a/ep5.vtt', { meta: { show: 'The Tinkering Hour', number: 5, title: 'Bridges and piles' }, transcript: { turns: turns(SPEECH, 'exact') } }),
    );
    assert.deepEqual(outcome, { status: 'added', episodeId: 'tinkering-hour-5', joinedBy: 'new' });
    const [summary] = library.listEpisodes();
    assert.equal(summary!.title, 'Bridges and piles');
    assert.equal(summary!.turns, turns(SPEECH, 'exact').length);
    assert.equal(summary!.sources, 1);
  });

  it('joins a summary and highlights about the same show and number into one episode', () => {
    library.addSource(source('/a/summary.txt', { meta: { show: 'Lex Fridman Podcast', number: 333, title: 'Andrej Karpathy: Tesla AI' }, summary: { insights: [{ text: 'Software 2.0' }], sections: [], mentions: [{ name: null, description: 'A city' }], questions: [] } }));
    const outcome = library.addSource(
      source('/a/highlights.md', { meta: { show: 'The Lex Fridman Podcast', number: 333 }, highlights: [{ start: 5581, end: 5600, title: 'Sensors', text: 'these sensors are a liability', origin: 'snipd' }] }),
    );
    assert.equal(outcome.joinedBy, 'key');
    const episodes = library.listEpisodes();
    assert.equal(episodes.length, 1);
    const episode = library.getEpisode(episodes[0]!.id)!;
    assert.equal(episode.highlights.length, 1);
    assert.equal(episode.insights.length, 1);
    assert.equal(episode.mentions.length, 1);
    assert.equal(episode.sources.length, 2);
  });

  it('joins sources by YouTube id and by the same title written differently', () => {
    library.addSource(source('/a/1.json', { meta: { youtubeId: 'U5OD8MjYnOM' }, transcript: { turns: turns(SPEECH, 'exact') } }));
    assert.equal(library.addSource(source('/a/2.vtt', { meta: { youtubeId: 'U5OD8MjYnOM', title: 'Robots — and the Future of AI' }, transcript: { turns: turns(SPEECH, 'exact') } })).joinedBy, 'key');
    assert.equal(library.addSource(source('/a/3.md', { meta: { title: 'Robots: And the future of AI!' }, highlights: [{ start: 1, end: 2, text: 'x', origin: 'snipd' }] })).joinedBy, 'key');
    assert.equal(library.listEpisodes().length, 1);
  });

  it('joins an untitled transcript to the episode whose text it shares, in either order', () => {
    library.addSource(source('/a/timed.json', { meta: { show: 'Show', number: 215 }, transcript: { turns: turns(SPEECH + ' ' + OTHER_SPEECH, 'exact') } }));
    const outcome = library.addSource(source('/a/raw.txt', { meta: {}, transcript: { turns: turns(SPEECH, 'estimated') } }));
    assert.deepEqual([outcome.joinedBy, outcome.episodeId], ['content', 'show-215']);

    const other = new SqliteLibrary(join(dir, 'other.db'));
    try {
      other.addSource(source('/a/raw.txt', { meta: {}, transcript: { turns: turns(SPEECH, 'estimated') } }));
      const later = other.addSource(source('/a/timed.json', { meta: { show: 'Show', number: 215 }, transcript: { turns: turns(SPEECH, 'exact') } }));
      assert.equal(later.joinedBy, 'content');
      assert.equal(later.episodeId, 'show-215', 'the episode takes the better id once a source names it');
      assert.equal(other.listEpisodes().length, 1);
    } finally {
      other.close();
    }
  });

  it('keeps episodes with different text apart', () => {
    library.addSource(source('/a/1.txt', { meta: {}, transcript: { turns: turns(SPEECH, 'estimated') } }));
    library.addSource(source('/a/2.txt', { meta: {}, transcript: { turns: turns(OTHER_SPEECH, 'estimated') } }));
    assert.equal(library.listEpisodes().length, 2);
  });

  it('does not join by content when the keys say the episodes differ (a rerun under a new number)', () => {
    library.addSource(source('/a/5.vtt', { meta: { show: 'Bread Talk', number: 5 }, transcript: { turns: turns(SPEECH, 'exact') } }));
    const rerun = library.addSource(source('/a/6.vtt', { meta: { show: 'Bread Talk', number: 6 }, transcript: { turns: turns(SPEECH, 'exact') } }));
    assert.deepEqual([rerun.joinedBy, rerun.episodeId], ['new', 'bread-talk-6']);
  });

  it('changes nothing when the same file is added twice', () => {
    const input = source('/a/ep.vtt', { meta: { show: 'S', number: 1 }, transcript: { turns: turns(SPEECH, 'exact') } });
    library.addSource(input);
    const before = library.getEpisode('s-1');
    assert.deepEqual(library.addSource(input), { status: 'unchanged', episodeId: 's-1', joinedBy: 'unchanged' });
    assert.deepEqual(library.getEpisode('s-1'), before);
  });

  it('reports the same bytes at another path as a duplicate, adding nothing', () => {
    library.addSource(source('/a/ep.vtt', { meta: { show: 'S', number: 1 }, transcript: { turns: turns(SPEECH, 'exact') } }, 'same'));
    const outcome = library.addSource(source('/b/copy.vtt', { meta: { show: 'S', number: 1 }, transcript: { turns: turns(SPEECH, 'exact') } }, 'same'));
    assert.equal(outcome.status, 'duplicate');
    assert.equal(outcome.duplicateOf, '/a/ep.vtt');
    assert.equal(library.listEpisodes()[0]!.sources, 1);
  });

  it('replaces only what a changed file contributed', () => {
    library.addSource(source('/a/ep.vtt', { meta: { show: 'S', number: 1 }, transcript: { turns: turns(SPEECH, 'exact') } }));
    library.addSource(source('/a/hl.md', { meta: { show: 'S', number: 1 }, highlights: [{ start: 3, end: 9, text: 'piles', origin: 'snipd' }] }));
    const outcome = library.addSource(source('/a/ep.vtt', { meta: { show: 'S', number: 1 }, transcript: { turns: turns(OTHER_SPEECH, 'exact').slice(0, 2) } }));
    assert.equal(outcome.status, 'replaced');
    const episode = library.getEpisode('s-1')!;
    assert.equal(episode.turns.length, 2);
    assert.equal(episode.turns[0]!.text, turns(OTHER_SPEECH, 'exact')[0]!.text);
    assert.equal(episode.highlights.length, 1, "the other file's highlights stay");
  });

  it('moves a changed file to another episode and drops the episode it left empty', () => {
    library.addSource(source('/a/ep.vtt', { meta: { show: 'S', number: 1 }, transcript: { turns: turns(SPEECH, 'exact') } }));
    library.addSource(source('/a/ep.vtt', { meta: { show: 'S', number: 2 }, transcript: { turns: turns(SPEECH, 'exact') } }));
    assert.deepEqual(library.listEpisodes().map((e) => e.id), ['s-2']);
  });

  it('merges two episodes when a new source shows they are one, keeping the old id as an alias', () => {
    library.addSource(source('/a/1.json', { meta: { youtubeId: 'abcdefghijk' }, transcript: { turns: turns(SPEECH, 'exact') } }));
    library.addSource(source('/a/2.md', { meta: { show: 'S', number: 9 }, highlights: [{ start: 1, end: 2, text: 'x', origin: 'snipd' }] }));
    assert.equal(library.listEpisodes().length, 2);
    library.addSource(source('/a/3.html', { meta: { show: 'S', number: 9, youtubeId: 'abcdefghijk' }, chapters: [{ title: 'Intro', start: 0, origin: 'given' }] }));
    const episodes = library.listEpisodes();
    assert.equal(episodes.length, 1);
    assert.equal(episodes[0]!.id, 's-9');
    assert.equal(episodes[0]!.sources, 3);
    assert.deepEqual(library.resolveEpisode('yt-abcdefghijk'), { ok: true, id: 's-9' });
  });

  it('uses the best transcript: timed over untimed, labelled over unlabelled, and lists every transcript', () => {
    library.addSource(source('/a/raw.txt', { meta: { show: 'S', number: 1 }, transcript: { turns: turns(SPEECH, 'estimated', 'Host') } }));
    library.addSource(source('/a/timed.vtt', { meta: { show: 'S', number: 1 }, transcript: { turns: turns(SPEECH, 'exact') } }));
    const episode = library.getEpisode('s-1')!;
    assert.equal(episode.turns[0]!.timing, 'exact');
    assert.deepEqual(episode.transcripts.map((t) => t.source).sort(), ['/a/raw.txt', '/a/timed.vtt']);
  });
});

describe('SqliteLibrary: integrity', () => {
  it('leaves the library as it was when a file fails halfway through being written', () => {
    library.addSource(source('/a/ep.vtt', { meta: { show: 'S', number: 1 }, transcript: { turns: turns(SPEECH, 'exact') } }));
    const before = library.getEpisode('s-1');
    const broken = turns(OTHER_SPEECH, 'exact');
    (broken[3] as { text: unknown }).text = null; // violates NOT NULL on the fourth turn, after rows were written
    assert.throws(() => library.addSource(source('/a/ep.vtt', { meta: { show: 'S', number: 1 }, transcript: { turns: broken } })));
    assert.deepEqual(library.getEpisode('s-1'), before);
    assert.equal(library.listEpisodes().length, 1);
  });

  it('keeps everything across closing and reopening', () => {
    library.addSource(source('/a/ep.vtt', { meta: { show: 'S', number: 1, title: 'Piles' }, transcript: { turns: [{ speaker: 'Ann', start: 1, end: 2, timing: 'exact', text: '你好 piles', translations: [{ lang: 'en', text: 'hello piles' }], markers: [{ kind: 'inaudible', label: 'inaudible', offset: 3 }] }] } }));
    const before = library.getEpisode('s-1');
    library.close();
    library = new SqliteLibrary(join(dir, 'library.db'));
    assert.deepEqual(library.getEpisode('s-1'), before);
  });
});

describe('SqliteLibrary: finding and removing', () => {
  beforeEach(() => {
    library.addSource(source('/a/1.vtt', { meta: { show: 'Tinkering Hour', number: 5, title: 'Bridges and piles over rivers', youtubeId: 'U5OD8MjYnOM' }, transcript: { turns: turns(SPEECH, 'exact') } }));
    library.addSource(source('/a/2.vtt', { meta: { show: 'Bread Talk', number: 5, title: 'Slow dough and fast shops' }, transcript: { turns: turns(OTHER_SPEECH, 'exact') } }));
    library.addSource(source('/a/3.vtt', { meta: { show: 'Bread Talk', number: 6, title: 'Salt' }, transcript: { turns: turns(OTHER_SPEECH, 'exact') } }));
  });

  it('resolves an id, a YouTube id, show#number, a unique #number and a unique piece of a title', () => {
    assert.deepEqual(library.resolveEpisode('bread-talk-6'), { ok: true, id: 'bread-talk-6' });
    assert.deepEqual(library.resolveEpisode('U5OD8MjYnOM'), { ok: true, id: 'tinkering-hour-5' });
    assert.deepEqual(library.resolveEpisode('Bread Talk#5'), { ok: true, id: 'bread-talk-5' });
    assert.deepEqual(library.resolveEpisode('#6'), { ok: true, id: 'bread-talk-6' });
    assert.deepEqual(library.resolveEpisode('slow dough'), { ok: true, id: 'bread-talk-5' });
  });

  it('says when a reference is ambiguous or matches nothing', () => {
    const ambiguous = library.resolveEpisode('#5');
    assert.equal(ambiguous.ok, false);
    assert.equal(ambiguous.ok ? 0 : ambiguous.candidates.length, 2);
    const none = library.resolveEpisode('#99');
    assert.deepEqual(none, { ok: false, reason: 'no episode #99 in the library', candidates: [] });
  });

  it('removes an episode with all its sources, and an episode with its last source', () => {
    assert.deepEqual(library.removeEpisode('bread-talk-5'), { sources: 1 });
    assert.equal(library.findSource('/a/2.vtt'), null);
    assert.deepEqual(library.removeSource('/a/3.vtt'), { episodeId: 'bread-talk-6' });
    assert.deepEqual(library.listEpisodes().map((e) => e.id), ['tinkering-hour-5']);
  });
});
