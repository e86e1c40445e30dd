// Issue acceptance: every seed and corpus file goes in without errors, the merges happen, and the CLI's JSON shows it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { addFiles, type FileResult } from '../src/ingest/add-files.js';
import { SqliteLibrary } from '../src/store/sqlite/sqlite-library.js';
import type { EpisodeJson } from '../src/export/json.js';
import { CORPUS, REPO_ROOT, SEEDS, SKIP, seed } from './shared.js';

let dir: string;
let dbPath: string;
let results: FileResult[] = [];

function cli(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/cli/main.ts'), '--library', dbPath, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

function showJson(ref: string): EpisodeJson {
  return JSON.parse(cli('show', ref, '--json')) as EpisodeJson;
}

describe('library acceptance over ../shared', { skip: SKIP }, () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'podsift-acceptance-'));
    dbPath = join(dir, 'library.db');
    const library = new SqliteLibrary(dbPath);
    try {
      results = addFiles(library, [SEEDS, CORPUS]);
    } finally {
      library.close();
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('adds all five seeds and all 319 corpus files with zero errors', () => {
    const failed = results.filter((r) => !r.ok).map((r) => `${r.path}: ${r.error}`);
    assert.deepEqual(failed, []);
    assert.equal(results.length, readdirSync(SEEDS).length + readdirSync(CORPUS).length);
    assert.equal(results.filter((r) => r.path.startsWith(CORPUS)).length, 319);
  });

  it('reads each seed with the reader made for its format', () => {
    const formatOf = (prefix: string) => results.find((r) => r.path === seed(prefix))?.format;
    assert.deepEqual(
      ['000', '001', '002', '003', '004'].map(formatOf),
      ['transcript-page', 'talk', 'snipd', 'raw-stt', 'key-moments'],
    );
  });

  it('joins seeds 002 and 004 into one episode #333 with highlights and summary material', () => {
    const e = showJson('#333');
    assert.equal(e.id, 'lex-fridman-333');
    assert.deepEqual(e.sources.map((s) => s.path).sort(), [seed('002'), seed('004')].sort());
    assert.equal(e.highlights.length, 13);
    assert.equal(e.insights.length, 6);
    assert.ok(e.sections.length >= 10);
    assert.ok(e.mentions.length >= 90);
    assert.deepEqual(e.guests, ['Andrej Karpathy']);
  });

  it('joins seed 003 and the Lexicap transcript U5OD8MjYnOM into one episode #215, timed transcript first', () => {
    const e = showJson('U5OD8MjYnOM');
    assert.equal(e.id, 'lex-fridman-215');
    assert.deepEqual(e.sources.map((s) => s.path).sort(), [join(CORPUS, 'U5OD8MjYnOM.json'), seed('003')].sort());
    assert.equal(e.transcripts.length, 2);
    assert.ok(e.turns.every((t) => t.timing === 'exact'), 'the best transcript is the timed one');
  });

  it('shows seed 000 with every chapter, speaker and exact time, and no chunk-boundary duplicates', () => {
    const e = showJson('lex-fridman-400');
    assert.equal(e.chapters.length, 19);
    assert.deepEqual(e.chapters.slice(0, 3).map((c) => [c.title, c.start, c.origin]), [
      ['Introduction', 0, 'given'],
      ['War and human nature', 0, 'given'],
      ['Israel-Hamas war', e.chapters[2]!.start, 'given'],
    ]);
    for (let i = 1; i < e.chapters.length; i++) assert.ok(e.chapters[i]!.start >= e.chapters[i - 1]!.start);
    assert.ok(e.turns.length > 400);
    assert.ok(e.turns.every((t) => t.speaker === 'Lex Fridman' || t.speaker === 'Elon Musk'));
    assert.ok(e.turns.every((t) => t.timing === 'exact'));
    const text = e.turns.map((t) => t.text).join('\n');
    assert.equal(text.match(/I wonder why hate evolved/g)?.length, 1);
    assert.equal(text.match(/the magic of community notes is/gi)?.length, 1);
    assert.ok(!/\\\[|inaudible/.test(text), 'markers are kept out of the text');
    assert.equal(e.youtubeId, 'JN3KPFbWCy8');
  });

  it('keeps seed 001 English turns free of Chinese, each translation on the paragraph it translates', () => {
    const talk = JSON.parse(cli('list', '--json')) as { id: string; sources: number; title: string | null }[];
    const id = talk.find((t) => /X Spaces|speed and hardcore/i.test(t.title ?? ''))?.id;
    assert.ok(id, 'the talk is in the library');
    const e = showJson(id);
    assert.ok(e.turns.every((t) => !/\p{Script=Han}/u.test(t.text)));
    const translated = e.turns.filter((t) => t.translations.length > 0);
    const chineseParagraphs = readFileSync(seed('001'), 'utf8').split('\n').filter((l) => /\p{Script=Han}/u.test(l)).length;
    assert.equal(translated.length, chineseParagraphs);
    assert.ok(translated.every((t) => t.translations.every((tr) => tr.lang === 'zh' && /\p{Script=Han}/u.test(tr.text))));
    assert.match(translated[0]!.text, /biggest challenge you have with with X AI/);
  });

  it('changes nothing when everything is added again', () => {
    const library = new SqliteLibrary(dbPath);
    try {
      const again = addFiles(library, [SEEDS, CORPUS]);
      assert.ok(again.every((r) => r.ok && r.status === 'unchanged'));
    } finally {
      library.close();
    }
  });
});
