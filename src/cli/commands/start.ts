import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Library } from '../../store/library.js';
import { print, printJson } from '../context.js';
import { renderList } from '../render.js';
import { reportAdd, runAdd } from './add.js';
import { addServeOptions, openLibraryOrFail, runServer, type ServeFlags } from './serve.js';

/** The bundled sample transcripts, added when a library is empty. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../samples/', import.meta.url));

function ensureEpisodes(library: Library, json: boolean): void {
  if (library.listEpisodes().length > 0) return;
  if (!json) print(`Library ${library.location} is empty: adding the sample transcripts from ${SAMPLES_DIR}`);
  const results = runAdd(library, [SAMPLES_DIR], { json });
  if (results.some((r) => !r.ok)) reportAdd(results, json);
}

export function register(program: Command): void {
  addServeOptions(
    program
      .command('start')
      .alias('demo')
      .description('the main job: make sure the library has episodes (adding the bundled samples when empty), then serve the web app and print its address')
      .option('--json', 'print the episode list as JSON and exit (no server)')
      .option('--no-serve', 'print the episode list and exit'),
  ).action(async function (this: Command, options: ServeFlags & { json?: boolean; serve?: boolean }) {
    const library = openLibraryOrFail(this);
    try {
      ensureEpisodes(library, Boolean(options.json));
    } catch (error) {
      library.close();
      throw error;
    }
    if (options.json || options.serve === false) {
      try {
        const episodes = library.listEpisodes();
        if (options.json) printJson(episodes);
        else print(renderList(episodes));
      } finally {
        library.close();
      }
      return;
    }
    await runServer(library, options);
  });
}
