// npm run bench:ingest [-- --corpus DIR] : adds the whole corpus to a fresh library and, in the same run, times a bare
// baseline that reads the same files and inserts the raw cue texts into an SQLite FTS5 table in one transaction.
// Each contender runs in its own process so peak RSS is its own. Prints files/s, MB/s, peak RSS and the ratio.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { addFiles } from '../src/ingest/add-files.js';
import { SqliteLibrary } from '../src/store/sqlite/sqlite-library.js';

interface Run {
  name: string;
  seconds: number;
  files: number;
  bytes: number;
  failed: number;
  peakRssMb: number;
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpus = resolve(flag('--corpus') ?? join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'corpus', 'lexicap'));

function corpusFiles(): string[] {
  return readdirSync(corpus).filter((f) => f.endsWith('.json')).sort().map((f) => join(corpus, f));
}

function runPodsift(dbPath: string): Omit<Run, 'name' | 'peakRssMb'> {
  const started = performance.now();
  const library = new SqliteLibrary(dbPath);
  const results = addFiles(library, [corpus]);
  library.close();
  return {
    seconds: (performance.now() - started) / 1000,
    files: results.length,
    bytes: results.reduce((s, r) => s + (r.bytes ?? 0), 0),
    failed: results.filter((r) => !r.ok).length,
  };
}

function runBaseline(dbPath: string): Omit<Run, 'name' | 'peakRssMb'> {
  const started = performance.now();
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.exec("CREATE VIRTUAL TABLE cues USING fts5(episode UNINDEXED, text, tokenize = 'porter unicode61')");
  const insert = db.prepare('INSERT INTO cues (episode, text) VALUES (?, ?)');
  let bytes = 0;
  const files = corpusFiles();
  db.transaction(() => {
    for (const file of files) {
      const raw = readFileSync(file);
      bytes += raw.length;
      const { id, transcript } = JSON.parse(raw.toString('utf8')) as { id: string; transcript: string };
      for (const block of transcript.split('\n\n')) {
        const arrow = block.indexOf('-->');
        if (arrow < 0) continue;
        const text = block.slice(block.indexOf('\n', arrow) + 1).trim();
        if (text) insert.run(id, text);
      }
    }
  })();
  db.close();
  return { seconds: (performance.now() - started) / 1000, files: files.length, bytes, failed: 0 };
}

function child(mode: 'podsift' | 'baseline'): Run {
  const dir = mkdtempSync(join(tmpdir(), `podsift-bench-${mode}-`));
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, '--db', join(dir, 'x.db'), '--corpus', corpus], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const run = JSON.parse(out.trim().split('\n').pop()!) as Omit<Run, 'name'>;
    return { name: mode, ...run };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mode = flag('--child');
if (mode === 'podsift' || mode === 'baseline') {
  const run = mode === 'podsift' ? runPodsift(flag('--db')!) : runBaseline(flag('--db')!);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ...run, peakRssMb }));
} else {
  const files = corpusFiles();
  const totalMb = files.reduce((s, f) => s + statSync(f).size, 0) / 1024 / 1024;
  console.log(`Corpus: ${files.length} files, ${totalMb.toFixed(1)} MB (${corpus})`);
  const baseline = child('baseline');
  const podsift = child('podsift');
  const rows = [baseline, podsift].map((r) => ({
    contender: r.name === 'podsift' ? 'podsift add (full ingest)' : 'baseline: raw cues → FTS5, one tx',
    seconds: r.seconds.toFixed(2),
    'files/s': (r.files / r.seconds).toFixed(1),
    'MB/s': (r.bytes / 1024 / 1024 / r.seconds).toFixed(2),
    'peak RSS MB': r.peakRssMb.toFixed(0),
    failed: r.failed,
    'x baseline': (r.seconds / baseline.seconds).toFixed(2),
  }));
  console.table(rows);
  console.log(`Targets: podsift within 3x the baseline's time (now ${(podsift.seconds / baseline.seconds).toFixed(2)}x), peak RSS under 500 MB (now ${podsift.peakRssMb.toFixed(0)} MB).`);
}
