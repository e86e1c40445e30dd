// Enrichment from the CLI: enrich, mentions.
import { Command } from 'commander';
import { enrichLibraryWithLlm } from '../../ingest/enrich.js';
import { formatClock } from '../../formats/text.js';
import { print, printJson, resolveOrFail, UsageError, withLibrary } from '../context.js';
import { episodeLabel, safe } from '../render.js';
import { styler } from '../style.js';
import cliProgress from 'cli-progress';

export function register(program: Command): void {
  program
    .command('enrich')
    .description('derive chapters, speaker turns, times, key moments, insights, mentions and ad reads (only what changed); with PODSIFT_LLM_URL set, also rewrite titles and summaries with that OpenAI-compatible model')
    .argument('[episode]', 'one episode (id, YouTube id, show#number or #number); default: every episode that needs it')
    .option('--all', 'every episode that needs it (the default without an episode)')
    .option('--json', 'print [{id, outcomes: [{step, status, reason?}]}]')
    .action(async function (this: Command, ref: string | undefined, options: { all?: boolean; json?: boolean }) {
      if (ref && options.all) throw new UsageError('give an episode or --all, not both');
      await withLibrary(this, async (library) => {
        const ids = ref ? [resolveOrFail(library, ref)] : 'stale';
        const bar = !options.json && process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: ' {bar} {value}/{total} episodes | {rate} episodes/s | {id}', clearOnComplete: true }, cliProgress.Presets.shades_classic) : null;
        const started = Date.now();
        const results = await enrichLibraryWithLlm(library, ids, {
          onProgress: (done, total, id) => {
            if (!bar) return;
            if (done === 0) bar.start(total, 0, { rate: '0', id });
            bar.update(done, { rate: (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1), id });
          },
        });
        bar?.stop();
        if (options.json) {
          printJson(results);
          return;
        }
        const s = styler(process.stdout);
        for (const r of results) {
          const done = r.outcomes.filter((o) => o.status === 'done').map((o) => o.step);
          const skipped = r.outcomes.filter((o) => o.status === 'skipped').map((o) => `${o.step} (${o.reason})`);
          print(`${s.bold(r.id)}  ${done.join(', ') || 'nothing'}${skipped.length ? s.dim(`  skipped: ${safe(skipped.join('; '))}`) : ''}`);
        }
        print(`${results.length} episode${results.length === 1 ? '' : 's'} enriched`);
      });
    });

  program
    .command('mentions')
    .description('every episode and moment where an entity (person, company, book, place, …) is mentioned')
    .argument('<entity>', 'a name, e.g. "Neuralink"')
    .option('--json', 'print [{name, kind, episode, title, times}]')
    .action(function (this: Command, name: string, options: { json?: boolean }) {
      withLibrary(this, (library) => {
        const found = library.findMentions(name);
        if (options.json) {
          printJson(found.map((m) => ({ name: m.name, kind: m.kind, episode: m.episodeId, title: m.title, times: m.times })));
          return;
        }
        if (found.length === 0) {
          print(`No mentions of "${safe(name)}" (run podsift enrich if episodes were added with --no-enrich).`);
          return;
        }
        const s = styler(process.stdout);
        for (const m of found) {
          print(`${s.bold(safe(m.name))}${m.kind ? s.dim(` (${m.kind})`) : ''}  ${episodeLabel({ id: m.episodeId, title: m.title, number: null, show: null })}`);
          print(`  ${m.times.map((t) => formatClock(t)).join(', ')}`);
        }
      });
    });
}
