// Enrichment through the library: steps run, outcomes are stored and applied, stale ones recomputed, and the
// optional language model (a real HTTP server on 127.0.0.1 speaking the chat-completions shape) rewrites titles.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SqliteLibrary } from '../../src/store/sqlite/sqlite-library.js';
import { enrichLibrary, enrichLibraryWithLlm, stepVersions } from '../../src/ingest/enrich.js';
import { interview } from '../fixtures/enrich/moments/episode.js';
import { parseQuery } from '../../src/search/query.js';

let dir: string;
let library: SqliteLibrary;
let server: Server;
let baseUrl: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'podsift-enrich-'));
  library = new SqliteLibrary(join(dir, 'library.db'));
  const episode = interview();
  library.addSource({ path: '/a/quill-7.vtt', hash: 'h', size: 1, format: 'test', fragment: { meta: { show: 'The Quill Hour', number: 7, title: 'Tobias Fenwick: Deep Currents of the North Atlantic', guests: ['Tobias Fenwick'] }, transcript: { turns: episode.turns.map((t) => ({ ...t, speaker: null })) } } });
  // A stand-in model: answers every id it was sent with a recognisable title.
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const prompt = (JSON.parse(body) as { messages: { content: string }[] }).messages.at(-1)!.content;
      const ids = [...prompt.matchAll(/^\[(m\d+)\]/gm)].map((m) => m[1]!);
      const content = JSON.stringify({ moments: ids.map((id) => ({ id, title: `Model title ${id}`, summary: 'A summary the model wrote about the deep ocean currents.' })) });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

after(() => {
  server.close();
  library.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('enriching the library', () => {
  it('runs every step, stores the outcomes, and applies them when the episode is read', () => {
    const [result] = enrichLibrary(library, 'stale');
    assert.equal(result!.id, 'quill-hour-7');
    const episode = library.getEpisode('quill-hour-7')!;
    assert.ok(episode.moments.length > 0, 'moments');
    assert.ok(episode.chapters.length > 0 && episode.chapters.every((c) => c.origin === 'derived'), 'derived chapters');
    assert.ok(episode.turns.some((t) => t.attributed), 'attributed speakers');
    assert.deepEqual(episode.enrichment.map((s) => s.step), Object.keys(stepVersions()));
  });

  it('updates search results with what enrichment found, without re-indexing (speakers, chapters)', () => {
    const hits = library.search(parseQuery('currents ocean'), { limit: 5 }).hits;
    assert.ok(hits.length > 0);
    assert.ok(hits.every((h) => h.chapter !== null), 'derived chapters reach the passages');
    assert.ok(hits.some((h) => h.speaker !== null), 'attributed speakers reach the passages');
  });

  it('does nothing the second time, and again when the episode changes', () => {
    assert.deepEqual(library.staleEnrichment(stepVersions()), []);
    assert.deepEqual(enrichLibrary(library, 'stale'), []);
  });

  it('rewrites moment titles with a configured model, keeping quotes and times', async () => {
    const before = library.getEpisode('quill-hour-7')!;
    const [result] = await enrichLibraryWithLlm(library, ['quill-hour-7'], { llm: { url: baseUrl, model: 'test', key: null, timeoutMs: 5000 } });
    assert.deepEqual(result!.outcomes.at(-1), { step: 'llm-rewrite', status: 'done' });
    const after = library.getEpisode('quill-hour-7')!;
    assert.equal(after.moments.length, before.moments.length);
    after.moments.forEach((m, i) => {
      assert.match(m.title, /^Model title m\d+$/);
      assert.equal(m.quote, before.moments[i]!.quote);
      assert.equal(m.start, before.moments[i]!.start);
    });
  });

  it('keeps the extractive text and records why when the model cannot be reached', async () => {
    const [result] = await enrichLibraryWithLlm(library, ['quill-hour-7'], { llm: { url: 'http://127.0.0.1:9/v1', model: 'test', key: null, timeoutMs: 2000 } });
    const last = result!.outcomes.at(-1)!;
    assert.equal(last.status, 'skipped');
    assert.ok(last.reason && last.reason.length > 0);
    assert.ok(library.getEpisode('quill-hour-7')!.moments.every((m) => !m.title.startsWith('Model title')));
  });
});
