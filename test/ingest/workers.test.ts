// Worker threads change how fast a large add or enrich runs, never what it stores: the same files give the same
// library with and without them, failures included.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteLibrary } from '../../src/store/sqlite/sqlite-library.js';
import { addFiles } from '../../src/ingest/add-files.js';
import { enrichLibrary } from '../../src/ingest/enrich.js';
import { interview } from '../fixtures/enrich/moments/episode.js';
import { mapAhead, WorkerPool } from '../../src/ingest/worker-pool.js';

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(3).padStart(6, '0')}`;
}

let dir: string;
const libraries: SqliteLibrary[] = [];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'podsift-workers-'));
  const files = join(dir, 'files');
  mkdirSync(files);
  const turns = interview().turns;
  for (let n = 1; n <= 9; n++) {
    // Each file a different episode: its longer words letter-shifted by n, so no two share content.
    const shift = (text: string) => text.replace(/[a-z]{4,}/g, (w) => w.replace(/[a-z]/g, (c) => String.fromCharCode(97 + ((c.charCodeAt(0) - 97 + n) % 26))));
    const cues = turns.map((t, i) => `${i + 1}\n${clock(t.start)} --> ${clock(t.end)}\n<v ${t.speaker ?? 'Speaker'}>${shift(t.text)}`);
    writeFileSync(join(files, `quill-${n}.vtt`), `WEBVTT - The Quill Hour #${n}: Episode ${n}\n\n${cues.join('\n\n')}\n`);
  }
  writeFileSync(join(files, 'broken.vtt'), 'WEBVTT\n\n00:00:05.000 --> banana\nhello\n');
  writeFileSync(join(files, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
});

after(() => {
  for (const l of libraries) l.close();
  rmSync(dir, { recursive: true, force: true });
});

function build(workers: number) {
  const library = new SqliteLibrary(join(dir, `library-${workers}.db`));
  libraries.push(library);
  const added = addFiles(library, [join(dir, 'files')], { workers });
  const enriched = enrichLibrary(library, 'stale', { workers });
  const episodes = library.listEpisodes().map((e) => library.getEpisode(e.id));
  return { added, enriched, episodes };
}

describe('worker threads', () => {
  it('give the same results, failures and library as the main thread alone', () => {
    const alone = build(0);
    const threaded = build(1);
    assert.equal(alone.added.length, 11);
    assert.equal(alone.added.filter((r) => !r.ok).length, 2);
    assert.deepEqual(threaded.added, alone.added);
    assert.equal(alone.enriched.length, 9);
    assert.deepEqual(threaded.enriched, alone.enriched);
    assert.deepEqual(threaded.episodes, alone.episodes);
    assert.ok(threaded.episodes.every((e) => e && e.chapters.length > 0));
  });

  it('re-adding unchanged files through workers changes nothing', () => {
    const library = libraries[1]!;
    const again = addFiles(library, [join(dir, 'files')], { workers: 1 });
    assert.deepEqual(
      again.filter((r) => r.ok).map((r) => r.status),
      Array(9).fill('unchanged'),
    );
  });
});

describe('the worker pool', () => {
  it('runs jobs on a worker thread and hands results back in order', () => {
    const pool = new WorkerPool(1);
    try {
      assert.equal(pool.size, 1);
      const paths = [join(dir, 'files', 'quill-1.vtt'), join(dir, 'missing.vtt'), join(dir, 'files', 'broken.vtt')];
      const out = [...mapAhead(pool, paths, 'prepare', (path) => ({ path, size: 10 }), 2)];
      assert.deepEqual(out.map((o) => o.kind), ['read', 'failed', 'failed']);
      assert.equal(out[1]!.kind === 'failed' && out[1]!.error, 'no such file or directory');
      assert.match(out[2]!.kind === 'failed' ? out[2]!.error : '', /webvtt/);
    } finally {
      pool.close();
    }
  });
});
