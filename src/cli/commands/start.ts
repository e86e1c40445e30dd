import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { print, printJson, withLibrary } from '../context.js';
import { renderList } from '../render.js';
import { reportAdd, runAdd } from './add.js';

/** The bundled sample transcripts, added when a library is empty. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../samples/', import.meta.url));

export function register(program: Command): void {
  program
    .command('start')
    .description('the main job: make sure the library has episodes (adding the bundled samples when empty), then list them')
    .option('--json', 'print the episode list as JSON')
    .action(function (this: Command, options: { json?: boolean }) {
      withLibrary(this, (library) => {
        if (library.listEpisodes().length === 0) {
          if (!options.json) print(`Library ${library.location} is empty: adding the sample transcripts from ${SAMPLES_DIR}`);
          const results = runAdd(library, [SAMPLES_DIR], { json: options.json });
          if (results.some((r) => !r.ok)) reportAdd(results, Boolean(options.json));
        }
        const episodes = library.listEpisodes();
        if (options.json) printJson(episodes);
        else print(renderList(episodes));
      });
    });
}
