// The HTTP API over a real library file and a real server on 127.0.0.1.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { episodeJson } from '../../src/export/json.js';
import { addFiles } from '../../src/ingest/add-files.js';
import { SqliteLibrary } from '../../src/store/sqlite/sqlite-library.js';
import { addFragment, fixture, json, type Fixture } from './helpers.js';
import { stepVersions } from '../../src/ingest/enrich.js';
import { JOINED_EPISODE, joiningFiles } from '../helpers/joining-files.js';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

let f: Fixture;
const LONG = 1234;

before(async () => {
  f = await fixture({ evil: true, long: LONG });
});
after(async () => {
  await f?.close();
});

const get = (path: string, init?: RequestInit) => fetch(f.url + path, init);
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(f.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function expectError(response: Response, status: number, pattern?: RegExp): Promise<void> {
  const body = await json(response);
  assert.equal(response.status, status, JSON.stringify(body));
  assert.equal(body.error.status, status);
  assert.equal(typeof body.error.message, 'string');
  if (pattern) assert.match(body.error.message, pattern);
}

describe('episodes', () => {
  it('lists the library', async () => {
    const r = await get('/api/episodes');
    assert.equal(r.status, 200);
    const body = await json(r);
    assert.equal(body.total, 6, JSON.stringify(body.episodes.map((e: { id: string }) => e.id)));
    assert.ok(body.episodes.some((e: { id: string }) => e.id === 'field-notes-3'), 'field-notes-3 listed');
    const filtered = await json(await get('/api/episodes?q=rivers'));
    assert.deepEqual(filtered.episodes.map((e: { id: string }) => e.id), ['field-notes-3']);
  });

  it('returns the episode JSON contract, the same as the CLI', async () => {
    const body = await json(await get('/api/episodes/field-notes-3'));
    assert.deepEqual(body, JSON.parse(JSON.stringify(episodeJson(f.library.getEpisode('field-notes-3')!))));
  });

  it('pages the transcript of a long episode', async () => {
    const id = f.ids.long!;
    const r = await get(`/api/episodes/${id}?turnLimit=100`);
    const body = await json(r);
    assert.equal(body.turns.length, 100);
    assert.deepEqual(body.transcripts, []);
    assert.equal(body.turnPage.total, LONG);
    assert.equal(body.turnPage.pages.length, Math.ceil(LONG / 100));
    assert.equal(body.turnPage.pages[3].offset, 300);
    assert.equal(body.turnPage.pages[3].start, 1200);
    assert.deepEqual(body.turnPage.chapterTurns, [0, 617, LONG - 10]);
    assert.ok(JSON.stringify(body).length < 60_000, 'first page stays small');
    const page = await json(await get(`/api/episodes/${id}/turns?offset=1200&limit=100`));
    assert.equal(page.turns.length, LONG - 1200);
    assert.match(page.turns[0].text, /^Turn 1200:/);
    const at = await json(await get(`/api/episodes/${id}/turns?at=2001&limit=50`));
    assert.equal(at.offset, 500);
  });

  it('serves the parts the episode page shows', async () => {
    for (const part of ['chapters', 'moments', 'insights', 'mentions', 'highlights']) {
      const body = await json(await get(`/api/episodes/${f.ids.evil}/${part}`));
      assert.ok(Array.isArray(body[part]), part);
    }
    const chapters = await json(await get('/api/episodes/field-notes-3/chapters'));
    assert.deepEqual(chapters.chapters.map((c: { title: string }) => c.title), ['Introduction', 'Floods and memory', 'Reading a floodplain', 'Letting rivers move']);
  });

  it('resolves references', async () => {
    assert.deepEqual(await json(await get('/api/resolve?ref=%233')), { id: 'field-notes-3' });
    await expectError(await get('/api/resolve?ref=nothing-like-this'), 404);
  });

  it('answers bad ids and parameters with 400/404, never 500', async () => {
    await expectError(await get('/api/episodes/no-such-episode'), 404, /no episode/);
    await expectError(await get('/api/episodes/..%2F..%2Fetc%2Fpasswd'), 400);
    await expectError(await get('/api/episodes/a.b'), 400);
    await expectError(await get('/api/episodes/field-notes-3?turnLimit=0'), 400);
    await expectError(await get('/api/episodes/field-notes-3?turnLimit=abc'), 400);
    await expectError(await get('/api/episodes/field-notes-3?turnLimit=1&turnLimit=2'), 400, /2 times/);
    await expectError(await get('/api/episodes/field-notes-3?bogus=1'), 400, /unknown/);
    await expectError(await get('/api/episodes/field-notes-3/turns?at=5&offset=0'), 400);
    await expectError(await get('/api/nothing-here'), 404);
    await expectError(await get('/api/episodes', { method: 'DELETE' }), 405);
  });
});

describe('search', () => {
  it('finds passages with marked words and a play link', async () => {
    const body = await json(await get('/api/search?q=mill%20lane&limit=5'));
    assert.ok(body.hits.length > 0, 'hits');
    const hit = body.hits[0];
    assert.equal(hit.episode, 'field-notes-3');
    assert.match(hit.snippet, /\*\*Mill\*\*/);
    assert.match(hit.link, /^https:\/\/youtube\.com\/watch\?v=Fn3RvR1vErs&t=\d+$/);
    assert.equal(typeof hit.start, 'number');
  });

  it('applies filters given as parameters and in the query, and pages', async () => {
    const bySpeaker = await json(await get('/api/search?q=river&speaker=Sam%20Ortega&limit=50'));
    const all = await json(await get('/api/search?q=river&limit=50'));
    assert.ok(bySpeaker.hits.length > 0 && bySpeaker.hits.length < all.hits.length, 'the speaker filter narrows the results');
    const inQuery = await json(await get(`/api/search?q=${encodeURIComponent('river speaker:"Sam Ortega"')}&limit=50`));
    assert.deepEqual(inQuery.hits.map((h: { start: number }) => h.start), bySpeaker.hits.map((h: { start: number }) => h.start));
    const byShow = await json(await get('/api/search?q=the&show=The%20Tinkering%20Hour&limit=50'));
    assert.ok(byShow.hits.length > 0 && byShow.hits.every((h: { show: string }) => h.show === 'The Tinkering Hour'), 'only that show');
    const first = await json(await get('/api/search?q=river&limit=2'));
    const second = await json(await get('/api/search?q=river&limit=2&offset=2'));
    assert.equal(first.more, true);
    assert.notDeepEqual(first.hits[0], second.hits[0]);
    const none = await json(await get('/api/search?q='));
    assert.deepEqual(none.hits, []);
  });

  it('rejects bad filters', async () => {
    await expectError(await get('/api/search?q=x&after=yesterday'), 400);
    await expectError(await get('/api/search?q=x&limit=1000'), 400);
    await expectError(await get('/api/search?q=x&ads=maybe'), 400);
  });
});

describe('caches', () => {
  it('see writes made through the same connection as the server (an upload, the CLI in-process)', async () => {
    const before = await json(await get('/api/search?q=xylophone'));
    assert.equal(before.hits.length, 0);
    const episode = await json(await get('/api/episodes/tinkering-hour-14'));
    f.library.addHighlight({ episodeId: 'tinkering-hour-14', text: 'written through the same connection', tags: [] });
    addFragment(f.library, join(f.dir, 'xylo.json'), { meta: { title: 'Marimba and xylophone makers' }, transcript: { turns: [{ speaker: 'Kim', start: 0, end: 5, timing: 'exact', text: 'A xylophone has wooden bars tuned by shaving their undersides.' }] } });
    // No waiting: the library's change stamp moves with the write itself.
    const after = await json(await get('/api/search?q=xylophone'));
    assert.equal(after.hits.length, 1);
    const again = await json(await get('/api/episodes/tinkering-hour-14'));
    assert.equal(again.highlights.length, episode.highlights.length + 1);
  });

  it('see writes made by another connection to the same file (`podsift add` in another terminal)', async () => {
    const query = '/api/search?q=subtitles';
    const before = await json(await get(query));
    assert.equal(before.hits.length, 0);
    assert.deepEqual(await json(await get(query)), before, 'served again (from the cache)');
    const episode = await json(await get('/api/episodes/field-notes-3'));

    const other = new SqliteLibrary(f.library.location);
    try {
      const added = addFiles(other, [join(FIXTURES, 'srt/basic.srt')]);
      assert.ok(added.every((r) => r.ok), JSON.stringify(added));
      const after = await json(await get(query));
      assert.equal(after.hits.length, 1, 'the cached empty answer was dropped');
      assert.match(after.hits[0].snippet, /\*\*subtitles\*\*/);

      other.addHighlight({ episodeId: 'field-notes-3', text: 'kept from another terminal', tags: [] });
      const again = await json(await get('/api/episodes/field-notes-3'));
      assert.equal(again.highlights.length, episode.highlights.length + 1);

      other.removeEpisode(added[0]!.episode!);
      assert.equal((await json(await get(query))).hits.length, 0, 'and a removal is seen too');
    } finally {
      other.close();
    }
  });
});

describe('highlights', () => {
  it('create, read, list with filters, edit, delete', async () => {
    const r = await post('/api/highlights', { episodeId: 'field-notes-3', start: 97, end: 126, text: 'Give me an example.', note: 'a note', tags: ['rivers', 'rivers', 'floods'] });
    assert.equal(r.status, 201);
    const created = await json(r);
    assert.equal(created.episodeId, 'field-notes-3');
    assert.deepEqual(created.tags, ['rivers', 'floods']);
    assert.equal(created.episode.title, 'Lena Brandt: What Rivers Remember');
    assert.match(created.link, /t=97$/);
    assert.equal(r.headers.get('location'), `/api/highlights/${created.id}`);

    const list = await json(await get('/api/highlights?tag=floods'));
    assert.ok(list.highlights.some((h: { id: number }) => h.id === created.id), 'listed by tag');
    assert.ok(list.tags.includes('rivers'), 'tags listed');
    assert.equal((await json(await get('/api/highlights?q=nothing-matches-this'))).total, 0);

    const patched = await json(await fetch(`${f.url}/api/highlights/${created.id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ note: 'changed', tags: ['x'] }) }));
    assert.equal(patched.note, 'changed');
    assert.deepEqual(patched.tags, ['x']);
    assert.equal(patched.text, 'Give me an example.');

    const episode = await json(await get('/api/episodes/field-notes-3'));
    assert.ok(episode.highlights.some((h: { origin: string; note: string }) => h.origin === 'user' && h.note === 'changed'), 'the episode shows it at once');

    const del = await fetch(`${f.url}/api/highlights/${created.id}`, { method: 'DELETE' });
    assert.equal(del.status, 204);
    await expectError(await get(`/api/highlights/${created.id}`), 404);
    await expectError(await fetch(`${f.url}/api/highlights/${created.id}`, { method: 'DELETE' }), 404);
  });

  it('validates bodies: 415 for non-JSON, 400 for bad fields, unknown episodes and bad JSON', async () => {
    await expectError(await post('/api/highlights', 'episodeId=field-notes-3&text=x', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415);
    await expectError(await post('/api/highlights', '{"episodeId": "field-notes-3", "text": "x"}', { 'Content-Type': 'text/plain' }), 415);
    await expectError(await post('/api/highlights', '{"episodeId": ', {}), 400, /invalid JSON/);
    await expectError(await post('/api/highlights', { episodeId: 'field-notes-3' }), 400, /text/);
    await expectError(await post('/api/highlights', { episodeId: 'field-notes-3', text: '   ' }), 400);
    await expectError(await post('/api/highlights', { episodeId: 'field-notes-3', text: 'x', start: 10, end: 5 }), 400, /end/);
    await expectError(await post('/api/highlights', { episodeId: 'field-notes-3', text: 'x', start: -1 }), 400);
    await expectError(await post('/api/highlights', { episodeId: 'field-notes-3', text: 'x', tags: 'a' }), 400);
    await expectError(await post('/api/highlights', { episodeId: 'field-notes-3', text: 'x', extra: 1 }), 400, /unknown/);
    await expectError(await post('/api/highlights', { episodeId: 'no-such', text: 'x' }), 400, /no episode/);
    await expectError(await post('/api/highlights', { episodeId: '../x', text: 'x' }), 400);
    await expectError(await post('/api/highlights', { episodeId: 'field-notes-3', text: 'x'.repeat(20_001) }), 400);
    await expectError(await post('/api/highlights', [1, 2]), 400);
    await expectError(await get('/api/highlights/abc'), 400);
    await expectError(await get('/api/highlights/0'), 400);
    await expectError(await fetch(`${f.url}/api/highlights/1`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{}' }), 400, /nothing to change/);
    await expectError(await fetch(`${f.url}/api/highlights/999999`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"note":"x"}' }), 404);
  });
});

describe('exports', () => {
  it('downloads an episode in every format', async () => {
    const expected: Record<string, [RegExp, RegExp]> = {
      markdown: [/^text\/markdown/, /^# Lena Brandt: What Rivers Remember/],
      obsidian: [/^text\/markdown/, /^---\ntitle: "Field Notes #3: Lena Brandt: What Rivers Remember"/],
      logseq: [/^text\/markdown/, /^title:: Field Notes \\#3: Lena Brandt: What Rivers Remember/],
      readwise: [/^text\/csv/, /^"Highlight","Title","Author","URL","Note","Location","Date"\r\n/],
      json: [/^application\/json/, /^\{\n {2}"id": "field-notes-3"/],
      srt: [/^application\/x-subrip/, /^1\n00:00:00,000 --> /],
      vtt: [/^text\/vtt/, /^WEBVTT\n/],
    };
    for (const [format, [type, body]] of Object.entries(expected)) {
      const r = await get(`/api/episodes/field-notes-3/export/${format}`);
      assert.equal(r.status, 200, format);
      assert.match(r.headers.get('content-type')!, type, format);
      assert.match(r.headers.get('content-disposition')!, /^attachment; filename="podsift-field-notes-3[a-z-]*\.(md|csv|json|srt|vtt)"$/, format);
      assert.match(await r.text(), body, format);
    }
    await expectError(await get('/api/episodes/field-notes-3/export/pdf'), 400);
  });

  it('downloads all highlights: Markdown, Readwise CSV, JSON, and ZIPs of Obsidian and Logseq pages', async () => {
    const created = await json(await post('/api/highlights', { episodeId: 'tinkering-hour-12', start: 40, end: 50, text: '=HYPERLINK("http://evil")', note: 'zip me', tags: ['bridges'] }));
    const csv = await (await get('/api/highlights/export/readwise')).text();
    assert.match(csv, /"'=HYPERLINK\(""http:\/\/evil""\)"/, 'formula defused, quotes doubled');
    const md = await (await get('/api/highlights/export/markdown?tag=bridges')).text();
    assert.match(md, /## The Tinkering Hour \\#12: Dara Whitfield — How Old Bridges Stay Up/);
    const all = await json(await get('/api/highlights/export/json'));
    assert.equal(all[0].highlights[0].id, created.id);
    for (const format of ['obsidian', 'logseq']) {
      const r = await get(`/api/highlights/export/${format}`);
      assert.equal(r.headers.get('content-type'), 'application/zip');
      const bytes = Buffer.from(await r.arrayBuffer());
      assert.equal(bytes.readUInt32LE(0), 0x04034b50, 'a ZIP');
      assert.ok(bytes.includes(Buffer.from(format === 'logseq' ? 'pages/The Tinkering Hour 12 Dara Whitfield — How Old Bridges Stay Up.md' : 'The Tinkering Hour 12 Dara Whitfield — How Old Bridges Stay Up.md')), format);
    }
    await fetch(`${f.url}/api/highlights/${created.id}`, { method: 'DELETE' });
  });
});

describe('entities', () => {
  it('answers 404 with an empty list for an unknown entity, 400 for a bad name', async () => {
    const r = await get('/api/entities/Nobody%20Anywhere');
    assert.equal(r.status, 404);
    assert.deepEqual((await json(r)).episodes, []);
    await expectError(await get('/api/entities/%20'), 400);
  });
});

describe('uploads', () => {
  const srt = (words: string) => `1\n00:00:01,000 --> 00:00:04,000\nANN: ${words}\n\n2\n00:00:04,500 --> 00:00:08,000\nBO: And that is how the kiln works.\n`;

  it('adds a raw upload under uploads/<sha256>/, and the same bytes again change nothing', async () => {
    const body = srt('Pottery needs clay, water and a very hot kiln.');
    const r = await fetch(`${f.url}/api/uploads?name=pottery.srt`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body });
    const first = await json(r);
    assert.equal(r.status, 200, JSON.stringify(first));
    assert.equal(first.results[0].ok, true);
    assert.equal(first.results[0].status, 'added');
    assert.equal(first.results[0].format, 'srt');
    assert.equal(first.results[0].path, 'pottery.srt');
    const id = first.results[0].episode;
    assert.equal((await get(`/api/episodes/${id}`)).status, 200);
    const stored = readdirSync(join(f.dir, 'uploads'));
    assert.equal(stored.length, 1);
    assert.match(stored[0]!, /^[0-9a-f]{64}$/);
    assert.ok(existsSync(join(f.dir, 'uploads', stored[0]!, 'pottery.srt')), 'stored under its hash');
    const again = await json(await fetch(`${f.url}/api/uploads?name=pottery.srt`, { method: 'POST', body }));
    assert.equal(again.results[0].status, 'unchanged');
    assert.equal(again.results[0].episode, id);
  });

  it('names the episode each file ended up in when a later file joins two episodes, and enriches that one', async () => {
    const enriching = await fixture({ app: { enrichUploads: true } });
    try {
      const form = new FormData();
      for (const file of joiningFiles()) form.append('file', new Blob([file.text]), file.name);
      const body = await json(await fetch(`${enriching.url}/api/uploads`, { method: 'POST', body: form }));
      assert.deepEqual(body.results.map((r: { episode: string }) => r.episode), [JOINED_EPISODE, JOINED_EPISODE, JOINED_EPISODE]);
      assert.ok(!enriching.library.staleEnrichment(stepVersions()).includes(JOINED_EPISODE), 'the joined episode is enriched');
    } finally {
      await enriching.close();
    }
  });

  it('takes multipart form data with several files and reports errors per file', async () => {
    const form = new FormData();
    form.append('file', new Blob([srt('Glassblowing starts with sand and a furnace.')]), 'glass.srt');
    form.append('file', new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])]), 'paper.pdf');
    form.append('file', new Blob([srt('A sneaky name tries to climb out of the folder.')]), '../../../../tmp/evil.srt');
    const r = await fetch(`${f.url}/api/uploads`, { method: 'POST', body: form });
    const body = await json(r);
    assert.equal(r.status, 200, JSON.stringify(body));
    const [glass, pdf, evil] = body.results;
    assert.equal(glass.ok, true);
    assert.equal(pdf.ok, false);
    assert.match(pdf.error, /PDF/i);
    assert.equal(evil.ok, false, 'a name with a path is refused');
    assert.match(evil.error, /plain file name/);
    for (const entry of readdirSync(join(f.dir, 'uploads'))) for (const name of readdirSync(join(f.dir, 'uploads', entry))) assert.doesNotMatch(name, /\.\.|\//);
  });

  it('refuses path names, form posts, missing names; 422 when nothing could be added; 413 over the limit', async () => {
    for (const name of ['../escape.srt', '..', 'a/b.srt', 'a\\b.srt', '/etc/passwd', '']) {
      await expectError(await fetch(`${f.url}/api/uploads?name=${encodeURIComponent(name)}`, { method: 'POST', body: srt('x') }), 400);
    }
    await expectError(await fetch(`${f.url}/api/uploads`, { method: 'POST', body: srt('x') }), 400, /name/);
    await expectError(await fetch(`${f.url}/api/uploads?name=a.srt`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=b' }), 415);
    const empty = await fetch(`${f.url}/api/uploads?name=empty.srt`, { method: 'POST', body: new Uint8Array(0) });
    const emptyBody = await json(empty);
    assert.equal(empty.status, 422);
    assert.match(emptyBody.error.message, /empty/);
    assert.equal(emptyBody.results[0].ok, false);
    const small = await fixture({ app: { maxUploadBytes: 1000 } });
    try {
      await expectError(await fetch(`${small.url}/api/uploads?name=big.srt`, { method: 'POST', body: srt('y'.repeat(1001)) }), 413, /size limit/);
      await expectError(await fetch(`${small.url}/api/uploads?name=big.srt`, { method: 'POST', body: 'z'.repeat(3 * 1024 * 1024) }), 413);
      const form = new FormData();
      form.append('file', new Blob(['w'.repeat(2 * 1024 * 1024)]), 'huge.srt');
      await expectError(await fetch(`${small.url}/api/uploads`, { method: 'POST', body: form }), 413);
    } finally {
      await small.close();
    }
  });

  it('refuses over 64 MB by default', async () => {
    const r = await fetch(`${f.url}/api/uploads?name=huge.srt`, { method: 'POST', body: new Uint8Array(64 * 1024 * 1024 + 1) });
    await expectError(r, 413, /64\.0 MB/);
  });
});
