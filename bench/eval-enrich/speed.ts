// Enrichment speed: ingest the corpus into a fresh library, then enrich every episode, in one run; prints both
// times, the time per episode and peak RSS. Target: enrichment under 2x the ingest time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addFiles } from '../../src/ingest/add-files.js';
import { enrichLibrary } from '../../src/ingest/enrich.js';
import { SqliteLibrary } from '../../src/store/sqlite/sqlite-library.js';
import { CORPUS } from '../lib/corpus-library.js';

export async function evaluate(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'podsift-enrich-speed-'));
  const library = new SqliteLibrary(join(dir, 'library.db'));
  try {
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };
    let wall = performance.now();
    let c = cpu();
    const files = addFiles(library, [CORPUS]);
    const ingest = { wall: (performance.now() - wall) / 1000, cpu: cpu() - c };
    wall = performance.now();
    c = cpu();
    const results = enrichLibrary(library, 'stale');
    const enrich = { wall: (performance.now() - wall) / 1000, cpu: cpu() - c };
    const episodes = results.length;
    const skipped = results.flatMap((r) => r.outcomes.filter((o) => o.status === 'skipped' && !/given|no timed|no untimed|already/.test(o.reason ?? '')));
    const rss = process.resourceUsage().maxRSS / 1024;
    return [
      `corpus: ${files.length} files, ${episodes} episodes enriched`,
      `ingest: ${ingest.wall.toFixed(1)} s wall, ${ingest.cpu.toFixed(1)} s CPU`,
      `enrich: ${enrich.wall.toFixed(1)} s wall, ${enrich.cpu.toFixed(1)} s CPU, ${((enrich.wall / episodes) * 1000).toFixed(0)} ms per episode`,
      `enrich / ingest: ${(enrich.wall / ingest.wall).toFixed(2)}x wall, ${(enrich.cpu / ingest.cpu).toFixed(2)}x CPU (target under 2x)`,
      `peak RSS of this process: ${rss.toFixed(0)} MB (with every module run before this one in the same process: run \`npm run eval:enrich -- speed\` alone for enrichment's own)`,
      `unexpected skips: ${skipped.length}${skipped.length ? ` (e.g. ${skipped.slice(0, 3).map((s) => `${s.step}: ${s.reason}`).join('; ')})` : ''}`,
    ];
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
