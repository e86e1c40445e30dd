// Which module registers which command, so a run loads only the module of its command.
import type { Command } from 'commander';

export interface CommandModule {
  register(program: Command): void;
}

/**
 * Every command module with the command names (and aliases) it registers; adding one is a file in commands/ plus
 * one line here. Only the module of the command being run is loaded: loading all of them (the server, every format
 * reader, the exporters) cost a quarter of a second, most of a cold `podsift search`.
 */
export const COMMANDS: { names: string[]; load: () => Promise<CommandModule> }[] = [
  { names: ['add'], load: () => import('./commands/add.js') },
  { names: ['list', 'show', 'export', 'remove', 'formats'], load: () => import('./commands/library.js') },
  { names: ['search'], load: () => import('./commands/search.js') },
  { names: ['enrich', 'mentions'], load: () => import('./commands/enrich.js') },
  { names: ['serve'], load: () => import('./commands/serve.js') },
  { names: ['start', 'demo'], load: () => import('./commands/start.js') },
];

/** The modules the arguments need: the one registering the first command name among them, else all (for help). */
export async function commandModules(args: readonly string[]): Promise<CommandModule[]> {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--library') {
      i++; // its value is a path, whatever it is called
      continue;
    }
    const wanted = COMMANDS.find((c) => c.names.includes(args[i]!));
    if (wanted) return [await wanted.load()];
  }
  return Promise.all(COMMANDS.map((c) => c.load()));
}

