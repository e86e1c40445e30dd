// The podsift command as a user runs it: a real process, a real SQLite file, files on disk.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { decodeTurns } from '../../src/store/transcript-codec.js';
import { JOINED_EPISODE, joiningFiles } from '../helpers/joining-files.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

function podsift(args: string[], env: Record<string, string> = {}): Ran {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function vtt(title: string, lines: [string, string][]): string {
  const cues = lines.map(([who, text], i) => `00:00:${String(i * 3).padStart(2, '0')}.000 --> 00:00:${String(i * 3 + 3).padStart(2, '0')}.000\n<v ${who}>${text}`);
  return `WEBVTT ${title}\n\n${cues.join('\n\n')}\n`;
}

const GOOD_VTT = vtt('', [
  ['Ann', 'Welcome back to the workshop, today we talk about bridges.'],
  ['Bo', 'Thanks for having me, I have brought a small model of an arch.'],
  ['Ann', 'Why does an arch stand up at all?'],
  ['Bo', 'Every stone pushes on its neighbours, so the load flows down to the ground.'],
]);

const GOOD_SRT = `1
00:00:01,000 --> 00:00:04,000
ANN: Bread needs flour, water, salt and time.

2
00:00:04,500 --> 00:00:08,000
BO: And time is the one everyone skimps on.
`;

let dir: string;
let db: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'podsift-cli-'));
  db = join(dir, 'lib', 'library.db');
  const inbox = join(dir, 'inbox');
  mkdirSync(join(inbox, 'nested'), { recursive: true });
  writeFileSync(join(inbox, 'bridges.vtt'), GOOD_VTT);
  writeFileSync(join(inbox, 'nested', 'bread.srt'), GOOD_SRT);
  writeFileSync(join(inbox, 'cover.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0])); // not a transcript extension: skipped in a walk
  const bad = join(dir, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'empty.vtt'), '');
  writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0x89, 0x50, 0x00, 0x00, 0x10, 0x11, 0x12, 0x13, 0x14]));
  writeFileSync(join(bad, 'broken-times.vtt'), 'WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nbackwards\n');
  writeFileSync(join(bad, 'garbled-time.srt'), '1\n00:00:xx,000 --> 00:00:02,000\nhello\n');
  writeFileSync(join(bad, 'wrong-shape.json'), JSON.stringify({ segments: 'not a list', version: 3 }));
  writeFileSync(join(bad, 'nothing.json'), JSON.stringify({ hello: 'world' }));
  writeFileSync(join(bad, 'truncated.json'), '{"version": "1.0.0", "segments": [{"speaker": "A", "startTime": 0, "endT');
  writeFileSync(join(bad, 'digits.txt'), '12 34 56 78\n90 12 34\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('podsift add', () => {
  it('adds a directory recursively, one line per file, and summarizes', () => {
    const r = podsift(['--library', db, 'add', join(dir, 'inbox')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /bridges\.vtt\s+webvtt → \S+\s+\(4 turns, 0 chapters, 0 highlights\)/);
    assert.match(r.stdout, /bread\.srt\s+srt → \S+\s+\(2 turns/);
    assert.doesNotMatch(r.stdout, /cover\.jpg/);
    assert.match(r.stdout, /2 added, 0 unchanged, 0 failed \(2 episodes\)/);
    assert.equal(r.stderr, '', 'no progress bar when stderr is not a terminal');
  });

  it('changes nothing when the same files are added again', () => {
    const r = podsift(['--library', db, 'add', join(dir, 'inbox'), '--json']);
    const results = JSON.parse(r.stdout) as { status: string }[];
    assert.deepEqual(results.map((x) => x.status), ['unchanged', 'unchanged']);
  });

  it('lists every bad file with its reason at the end, adds the good ones, and exits 1', () => {
    const good = join(dir, 'good.srt');
    writeFileSync(good, GOOD_SRT.replace(/Bread/, 'Rye bread'));
    const r = podsift(['--library', db, 'add', join(dir, 'bad'), good]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /good\.srt\s+srt/);
    const reasons = r.stderr.split('\n').filter((l) => l.startsWith('  '));
    assert.equal(reasons.length, 8, r.stderr);
    const reasonOf = (name: string) => reasons.find((l) => l.includes(`/${name}:`)) ?? `(no line for ${name})`;
    assert.match(reasonOf('empty.vtt'), /file is empty/);
    assert.match(reasonOf('binary.txt'), /binary/);
    assert.match(reasonOf('broken-times.vtt'), /webvtt: line \d+/);
    assert.match(reasonOf('garbled-time.srt'), /srt: /);
    assert.match(reasonOf('wrong-shape.json'), /segments/);
    assert.match(reasonOf('nothing.json'), /a JSON document, but not in a transcript shape podsift knows/);
    assert.match(reasonOf('truncated.json'), /JSON/);
    assert.match(reasonOf('digits.txt'), /./);
    assert.doesNotMatch(r.stderr, /\n\s+at .*\(/, 'no stack traces');
  });

  it('reads UTF-16, Latin-1, BOM and CRLF files correctly', () => {
    const enc = join(dir, 'encodings');
    mkdirSync(enc);
    const srt = GOOD_SRT.replace('Bread', 'Café bread').replace(/\n/g, '\r\n');
    writeFileSync(join(enc, 'utf16.srt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(srt.replace('Café', 'Crème'), 'utf16le')]));
    writeFileSync(join(enc, 'latin1.srt'), Buffer.from(srt.replace('Café', 'Naïve'), 'latin1'));
    writeFileSync(join(enc, 'bom.srt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(srt.replace('Café', 'Señor'))]));
    const r = podsift(['--library', db, 'add', enc, '--json']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const added = JSON.parse(r.stdout) as { episode: string; ok: boolean }[];
    const words = added.map((a) => JSON.parse(podsift(['--library', db, 'show', a.episode, '--json']).stdout).turns[0].text as string);
    assert.deepEqual(words.sort(), ['ANN: Crème bread needs flour, water, salt and time.', 'Naïve bread needs flour, water, salt and time.', 'Señor bread needs flour, water, salt and time.'].map((w) => w.replace(/^ANN: /, '')).sort());
  });

  it('refuses a file over the size limit, naming the limit', () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'word '.repeat(420_000)); // a 2 MB single line
    const r = podsift(['--library', db, 'add', big, '--max-size', '1']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /big\.txt: file is 2\.0 MB, over the 1\.0 MB size limit/);
  });

  it('reads a 2 MB single line without trouble when it fits', () => {
    const r = podsift(['--library', db, 'add', join(dir, 'big.txt'), '--json']);
    const [result] = JSON.parse(r.stdout) as { ok: boolean; error?: string }[];
    assert.ok(result!.ok || /InputError|no letters|\w/.test(result!.error ?? ''), r.stdout);
  });

  it('names a missing file and a glob that matches nothing', () => {
    const r = podsift(['--library', db, 'add', join(dir, 'nope.vtt'), join(dir, '*.nothing')]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /nope\.vtt: no such file or directory/);
    assert.match(r.stderr, /\*\.nothing: pattern matches no files/);
  });

  it('expands quoted globs', () => {
    const r = podsift(['--library', join(dir, 'glob.db'), 'add', join(dir, 'inbox', '**', '*.srt'), '--json']);
    assert.equal(r.status, 0);
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 1);
  });

  it('--format forces a reader and refuses unknown ones', () => {
    const txt = join(dir, 'forced.txt');
    writeFileSync(txt, GOOD_VTT);
    const r = podsift(['--library', join(dir, 'forced.db'), 'add', txt, '--format', 'webvtt', '--json']);
    assert.equal((JSON.parse(r.stdout) as { format: string }[])[0]!.format, 'webvtt');
    const bad = podsift(['--library', join(dir, 'forced.db'), 'add', txt, '--format', 'klingon']);
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /klingon/);
  });
});

describe('podsift list, show, export, remove', () => {
  it('lists episodes as JSON with counts', () => {
    const episodes = JSON.parse(podsift(['--library', db, 'list', '--json']).stdout) as Record<string, unknown>[];
    assert.ok(episodes.length >= 2);
    for (const key of ['id', 'show', 'number', 'title', 'guests', 'turns', 'chapters', 'highlights', 'sources']) assert.ok(key in episodes[0]!, key);
  });

  it('shows an episode as JSON in the documented shape', () => {
    const list = JSON.parse(podsift(['--library', db, 'list', '--json']).stdout) as { id: string; turns: number }[];
    const withTurns = list.find((e) => e.turns === 4)!;
    const e = JSON.parse(podsift(['--library', db, 'show', withTurns.id, '--json']).stdout) as Record<string, unknown> & { turns: Record<string, unknown>[] };
    for (const key of ['id', 'show', 'number', 'title', 'guests', 'published', 'youtubeId', 'mediaUrl', 'duration', 'language', 'sources', 'chapters', 'turns', 'highlights', 'insights', 'sections', 'mentions', 'transcripts']) {
      assert.ok(key in e, key);
    }
    assert.deepEqual(Object.keys(e.turns[0]!).sort(), ['end', 'speaker', 'start', 'text', 'timing', 'translations']);
    assert.deepEqual(e.turns[0], { speaker: 'Ann', start: 0, end: 3, timing: 'exact', text: 'Welcome back to the workshop, today we talk about bridges.', translations: [] });
  });

  it('shows an episode for people, with times and speakers', () => {
    const list = JSON.parse(podsift(['--library', db, 'list', '--json']).stdout) as { id: string; turns: number }[];
    const r = podsift(['--library', db, 'show', list.find((e) => e.turns === 4)!.id]);
    assert.match(r.stdout, /0:03\s+Bo: Thanks for having me/);
  });

  it('exports WebVTT, SRT, Markdown and JSON', () => {
    const id = (JSON.parse(podsift(['--library', db, 'list', '--json']).stdout) as { id: string; turns: number }[]).find((e) => e.turns === 4)!.id;
    assert.match(podsift(['--library', db, 'export', id, '--format', 'vtt']).stdout, /^WEBVTT\n\n00:00:00\.000 --> 00:00:03\.000\n<v Ann>Welcome back/);
    assert.match(podsift(['--library', db, 'export', id, '--format', 'srt']).stdout, /^1\n00:00:00,000 --> 00:00:03,000\nAnn: Welcome back/);
    assert.match(podsift(['--library', db, 'export', id, '--format', 'md']).stdout, /\*\*Bo\*\* 0:03 Thanks for having me/);
    assert.equal((JSON.parse(podsift(['--library', db, 'export', id, '--format', 'json']).stdout) as { id: string }).id, id);
  });

  it('says clearly when an episode is not there', () => {
    const r = podsift(['--library', db, 'show', '#999']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim(), 'podsift: no episode #999 in the library');
  });

  it('removes an episode', () => {
    const before = JSON.parse(podsift(['--library', db, 'list', '--json']).stdout) as { id: string }[];
    const r = podsift(['--library', db, 'remove', before[0]!.id, '--json']);
    assert.deepEqual(JSON.parse(r.stdout), { id: before[0]!.id, sources: 1 });
    assert.equal((JSON.parse(podsift(['--library', db, 'list', '--json']).stdout) as unknown[]).length, before.length - 1);
  });
});

describe('library location', () => {
  it('uses $PODSIFT_LIBRARY, else the XDG data directory', () => {
    const viaEnv = join(dir, 'env.db');
    podsift(['add', join(dir, 'inbox')], { PODSIFT_LIBRARY: viaEnv });
    assert.ok(existsSync(viaEnv));
    const xdg = join(dir, 'xdg');
    const r = podsift(['list'], { PODSIFT_LIBRARY: '', XDG_DATA_HOME: xdg });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(xdg, 'podsift', 'library.db')));
  });

  it('says which file it could not open', () => {
    const notDb = join(dir, 'not-a-db.db');
    writeFileSync(notDb, 'this is text, not SQLite'.repeat(100));
    const r = podsift(['--library', notDb, 'list']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot open library .*not-a-db\.db: file is not a database/);
  });
});

describe('a killed add', () => {
  it('leaves a library that opens and holds every file that had finished, whole', async () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 400; i++) {
      const cues = Array.from({ length: 300 }, (_, c) => `${fmt(c * 2)} --> ${fmt(c * 2 + 2)}\n<v Host>${babble(i * 1000 + c)}`);
      writeFileSync(join(many, `f${String(i).padStart(3, '0')}.vtt`), `WEBVTT\n\n${cues.join('\n\n')}\n`);
    }
    const killedDb = join(dir, 'killed.db');
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--library', killedDb, 'add', many], { env: { ...process.env, NO_COLOR: '1' } });
    let seen = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString().split('\n').filter((l) => l.includes('webvtt →')).length;
        if (seen >= 20 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    assert.ok(seen >= 20);
    const check = new Database(killedDb, { readonly: true });
    try {
      assert.equal(check.pragma('integrity_check', { simple: true }), 'ok');
      const sources = check.prepare('SELECT id, turn_count FROM sources').all() as { id: number; turn_count: number }[];
      assert.ok(sources.length >= 20 && sources.length < 400, `${sources.length} sources`);
      for (const s of sources) {
        const stored = check.prepare('SELECT turns FROM transcripts WHERE source_id = ?').pluck().get(s.id) as Buffer;
        assert.equal(decodeTurns(stored).length, 300);
        assert.equal(s.turn_count, 300);
      }
      const episodes = (check.prepare('SELECT COUNT(*) AS n FROM episodes').get() as { n: number }).n;
      assert.equal(episodes, sources.length);
    } finally {
      check.close();
    }
    assert.equal(podsift(['--library', killedDb, 'list', '--json']).status, 0);
  });
});

/** Different words for every file, so no two files look like the same episode. */
function babble(seed: number): string {
  const words = 'arch bridge river stone flour salt dough oven gear spring wheel brass clay rope sail tide map lamp'.split(' ');
  let x = seed + 1;
  return Array.from({ length: 8 }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return words[(x >>> 8) % words.length];
  }).join(' ');
}

function fmt(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return `${String(m).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.000`;
}

describe('an add that joins episodes', () => {
  it('names, for every file, the episode it ended up in, and counts episodes after the join', () => {
    const inbox = join(dir, 'joining');
    mkdirSync(inbox, { recursive: true });
    for (const file of joiningFiles()) writeFileSync(join(inbox, file.name), file.text);
    const library = join(dir, 'joining.db');
    const files = ['a.json', 'b.md', 'c.txt'].map((f) => join(inbox, f));
    const json = podsift(['--library', library, 'add', '--no-enrich', '--json', ...files]);
    assert.equal(json.status, 0, json.stderr);
    const results = JSON.parse(json.stdout) as { episode: string }[];
    assert.deepEqual(results.map((r) => r.episode), [JOINED_EPISODE, JOINED_EPISODE, JOINED_EPISODE]);
    rmSync(library, { force: true });
    const text = podsift(['--library', join(dir, 'joining-2.db'), 'add', '--no-enrich', ...files]);
    assert.match(text.stdout, /3 added, 0 unchanged, 0 failed \(1 episode\)/);
  });
});

describe('output into a pipe that closes early', () => {
  it('stops quietly, as `podsift list | head -1` expects', async () => {
    const library = join(dir, 'pipe.db');
    assert.equal(podsift(['--library', library, 'add', '--no-enrich', join(dir, 'inbox')]).status, 0);
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--library', library, 'list', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Close our end before it writes, as `head` does once it has its lines.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.doesNotMatch(stderr, /EPIPE|Error/);
    assert.equal(code, 0);
  });
});
