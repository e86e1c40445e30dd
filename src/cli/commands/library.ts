// Reading and managing the library: list, show, export, remove, formats.
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { readers } from '../../formats/registry.js';
import { episodeJson } from '../../export/json.js';
import { toMarkdown } from '../../export/markdown.js';
import { toSrt, toWebVtt } from '../../export/subtitles.js';
import { print, printJson, resolveOrFail, UsageError, withLibrary } from '../context.js';
import { renderEpisode, renderList, type ShowParts } from '../render.js';

export function register(program: Command): void {
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
    .description('show an episode: chapters, transcript, highlights, summary material, moments, mentions, sources')
    .argument('<episode>', 'episode id, YouTube id, show#number or #number')
    .option('--json', 'print the episode as JSON (see README)')
    .option('--chapters', 'show only the chapters')
    .option('--moments', 'show only the key moments')
    .option('--insights', 'show only the key insights')
    .option('--mentions', 'show only what is mentioned')
    .option('--no-transcript', 'leave the transcript out of the human-readable view')
    .action(function (this: Command, ref: string, options: { json?: boolean; transcript: boolean; chapters?: boolean; moments?: boolean; insights?: boolean; mentions?: boolean }) {
      withLibrary(this, (library) => {
        const episode = library.getEpisode(resolveOrFail(library, ref))!;
        const json = episodeJson(episode);
        const only = (['chapters', 'moments', 'insights', 'mentions'] as const).filter((k) => options[k]);
        if (options.json) {
          printJson(only.length ? Object.fromEntries([['id', json.id] as [string, unknown], ...only.map((k) => [k, json[k]] as [string, unknown])]) : json);
          return;
        }
        const parts: ShowParts = only.length ? { only, transcript: false } : { transcript: options.transcript };
        print(renderEpisode(episode, parts));
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
            ? `${JSON.stringify(episodeJson(episode), null, 2)}\n`
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
}
