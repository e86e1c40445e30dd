import { Command, InvalidArgumentError, Option } from 'commander';
import { readers } from '../../formats/registry.js';
import { addFiles, finishBatch, type FileResult } from '../../ingest/add-files.js';
import type { Library } from '../../store/library.js';
import { print, printJson, withLibrary } from '../context.js';
import { progressBar } from '../progress.js';
import { renderFileResult, safe } from '../render.js';
import { styler } from '../style.js';

export interface AddOptions {
  json?: boolean;
  format?: string;
  maxSize?: number;
  enrich?: boolean;
}

function megabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of megabytes');
  return Math.round(n * 1024 * 1024);
}

/** Adds inputs with a progress bar (TTY only) and per-file lines, then enriches the episodes that changed. */
export function runAdd(library: Library, inputs: string[], options: AddOptions): FileResult[] {
  const bar = progressBar(!options.json, (line) => print(line));
  const results = addFiles(library, inputs, {
    format: options.format,
    maxBytes: options.maxSize,
    onProgress: (p) => bar.update(p),
    onFile: (r) => {
      if (!options.json && r.ok) bar.log(renderFileResult(r));
    },
  });
  bar.stop();
  finishBatch(library, results, { enrich: options.enrich !== false });
  return results;
}

export function reportAdd(results: FileResult[], json: boolean): void {
  const err = styler(process.stderr);
  const failed = results.filter((r) => !r.ok);
  if (json) {
    printJson(
      results.map((r) => ({
        path: r.path,
        ok: r.ok,
        format: r.format ?? null,
        episode: r.episode ?? null,
        ...(r.ok ? { status: r.status, turns: r.turns, chapters: r.chapters, highlights: r.highlights } : { error: r.error }),
      })),
    );
  } else {
    const added = results.filter((r) => r.status === 'added' || r.status === 'replaced').length;
    const unchanged = results.filter((r) => r.status === 'unchanged' || r.status === 'duplicate').length;
    const episodes = new Set(results.filter((r) => r.ok).map((r) => r.episode)).size;
    print(`${added} added, ${unchanged} unchanged, ${failed.length} failed (${episodes} episode${episodes === 1 ? '' : 's'})`);
    if (failed.length) {
      process.stderr.write(`${err.red(`${failed.length} file${failed.length === 1 ? '' : 's'} failed:`)}\n`);
      for (const r of failed) process.stderr.write(`  ${safe(r.path)}: ${safe(r.error ?? 'failed')}\n`);
    }
  }
  if (failed.length) process.exitCode = 1;
}

export function register(program: Command): void {
  program
    .command('add')
    .description('add transcript files, directories (recursive) or globs to the library, then enrich what changed')
    .argument('<inputs...>', 'files, directories or glob patterns')
    .addOption(new Option('--format <id>', 'skip detection and read every file with this reader').choices(readers.map((r) => r.id)))
    .option('--max-size <MB>', 'largest file to read, in megabytes (default 64)', megabytes)
    .option('--no-enrich', 'do not derive chapters, speakers, moments, mentions for the added episodes')
    .option('--json', 'print one JSON object per file: [{path, ok, format, episode, error?}]')
    .action(function (this: Command, inputs: string[], options: AddOptions) {
      withLibrary(this, (library) => reportAdd(runAdd(library, inputs, options), Boolean(options.json)));
    });
}
