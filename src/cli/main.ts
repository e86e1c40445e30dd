#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../model/errors.js';
import { readers } from '../formats/registry.js';
import { addFiles, type FileResult } from '../ingest/add-files.js';
import type { Library } from '../store/library.js';
import { libraryPath, openLibrary } from '../store/open.js';
import { episodeJson } from '../export/json.js';
import { toMarkdown } from '../export/markdown.js';
import { toSrt, toWebVtt } from '../export/subtitles.js';
import { progressBar } from './progress.js';
import { renderEpisode, renderFileResult, renderList, safe } from './render.js';
import { styler } from './style.js';

const err = styler(process.stderr);

/** A failure the user can act on: printed as one line, exit code given. */
class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function printJson(value: unknown): void {
  print(JSON.stringify(value, null, 2));
}

function withLibrary<T>(command: Command, fn: (library: Library) => T): T {
  const options = command.optsWithGlobals<{ library?: string }>();
  let library: Library;
  try {
    library = openLibrary(options.library);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot open library ${libraryPath(options.library)}: ${reason}`);
  }
  try {
    return fn(library);
  } finally {
    library.close();
  }
}

function resolveOrFail(library: Library, ref: string): string {
  const found = library.resolveEpisode(ref);
  if (found.ok) return found.id;
  const candidates = found.candidates.map((c) => `\n  ${c.id}  ${safe(c.title ?? '')}`).join('');
  throw new UsageError(`${found.reason}${candidates}`, 1);
}

function megabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of megabytes');
  return Math.round(n * 1024 * 1024);
}

function runAdd(library: Library, inputs: string[], options: { json?: boolean; format?: string; maxSize?: number }): FileResult[] {
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
  return results;
}

function reportAdd(results: FileResult[], json: boolean): void {
  const failed = results.filter((r) => !r.ok);
  if (json) {
    printJson(results.map((r) => ({ path: r.path, ok: r.ok, format: r.format ?? null, episode: r.episode ?? null, ...(r.ok ? { status: r.status, turns: r.turns, chapters: r.chapters, highlights: r.highlights } : { error: r.error }) })));
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

export function buildProgram(): Command {
  const program = new Command('podsift')
    .description('Local-first podcast knowledge base: read every transcript format, keep it in one library.')
    .version('0.1.0')
    .option('--library <path>', 'library file (default: $PODSIFT_LIBRARY or the user data directory)')
    .option('--debug', 'show stack traces for internal errors')
    .showHelpAfterError();

  program
    .command('add')
    .description('add transcript files, directories (recursive) or globs to the library')
    .argument('<inputs...>', 'files, directories or glob patterns')
    .addOption(new Option('--format <id>', 'skip detection and read every file with this reader').choices(readers.map((r) => r.id)))
    .option('--max-size <MB>', 'largest file to read, in megabytes (default 64)', megabytes)
    .option('--json', 'print one JSON object per file: [{path, ok, format, episode, error?}]')
    .action(function (this: Command, inputs: string[], options: { json?: boolean; format?: string; maxSize?: number }) {
      withLibrary(this, (library) => reportAdd(runAdd(library, inputs, options), Boolean(options.json)));
    });

  program
    .command('list')
    .description('list the episodes in the library')
    .option('--json', 'print [{id, show, number, title, guests, turns, chapters, highlights, sources}]')
    .action(function (this: Command, options: { json?: boolean }) {
      withLibrary(this, (library) => {
        const episodes = library.listEpisodes();
        if (options.json) printJson(episodes);
        else print(renderList(episodes));
      });
    });

  program
    .command('show')
    .description('show an episode: chapters, transcript, highlights, summary material, sources')
    .argument('<episode>', 'episode id, YouTube id, show#number or #number')
    .option('--json', 'print the episode as JSON (see README)')
    .option('--no-transcript', 'leave the transcript out of the human-readable view')
    .action(function (this: Command, ref: string, options: { json?: boolean; transcript: boolean }) {
      withLibrary(this, (library) => {
        const episode = library.getEpisode(resolveOrFail(library, ref))!;
        if (options.json) printJson(episodeJson(episode));
        else print(renderEpisode(episode, { transcript: options.transcript }));
      });
    });

  program
    .command('export')
    .description('export an episode as JSON, Markdown, WebVTT or SRT')
    .argument('<episode>', 'episode id, YouTube id, show#number or #number')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'md', 'vtt', 'srt']).default('md'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(function (this: Command, ref: string, options: { format: 'json' | 'md' | 'vtt' | 'srt'; output?: string }) {
      withLibrary(this, (library) => {
        const episode = library.getEpisode(resolveOrFail(library, ref))!;
        if ((options.format === 'vtt' || options.format === 'srt') && episode.turns.length === 0) {
          throw new UsageError(`${episode.id} has no transcript to export as ${options.format}`, 1);
        }
        const text =
          options.format === 'json'
            ? JSON.stringify(episodeJson(episode), null, 2) + '\n'
            : options.format === 'vtt'
              ? toWebVtt(episode)
              : options.format === 'srt'
                ? toSrt(episode)
                : toMarkdown(episode);
        if (options.output) writeFileSync(options.output, text);
        else print(text);
      });
    });

  program
    .command('remove')
    .description('remove an episode (and every source it came from) from the library')
    .argument('<episode>', 'episode id, YouTube id, show#number or #number')
    .option('--json', 'print {id, sources}')
    .action(function (this: Command, ref: string, options: { json?: boolean }) {
      withLibrary(this, (library) => {
        const id = resolveOrFail(library, ref);
        const { sources } = library.removeEpisode(id);
        if (options.json) printJson({ id, sources });
        else print(`removed ${id} (${sources} source${sources === 1 ? '' : 's'})`);
      });
    });

  program
    .command('formats')
    .description('list the formats podsift reads (ids for --format)')
    .option('--json', 'print [{id, label}]')
    .action((options: { json?: boolean }) => {
      const list = readers.map((r) => ({ id: r.id, label: r.label }));
      if (options.json) printJson(list);
      else print(list.map((r) => `${r.id.padEnd(16)} ${r.label}`).join('\n'));
    });

  program
    .command('start')
    .description('the main job: make sure the library has episodes (adding the bundled samples when empty), then list them')
    .option('--json', 'print the episode list as JSON')
    .action(function (this: Command, options: { json?: boolean }) {
      withLibrary(this, (library) => {
        if (library.listEpisodes().length === 0) {
          const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
          if (!options.json) print(`Library ${library.location} is empty: adding the sample transcripts from ${samples}`);
          const results = runAdd(library, [samples], { json: options.json });
          if (results.some((r) => !r.ok)) reportAdd(results, Boolean(options.json));
        }
        const episodes = library.listEpisodes();
        if (options.json) printJson(episodes);
        else print(renderList(episodes));
      });
    });

  return program;
}

export function main(argv: string[]): void {
  const program = buildProgram();
  try {
    program.parse(argv);
  } catch (error) {
    const debug = argv.includes('--debug');
    if (error instanceof UsageError) {
      process.stderr.write(`podsift: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else if (error instanceof InputError) {
      process.stderr.write(`podsift: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`podsift: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
      if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 70;
    }
  }
}

main(process.argv);
