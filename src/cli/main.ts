#!/usr/bin/env node
import { Command } from 'commander';
import { InputError } from '../model/errors.js';
import { UsageError } from './context.js';
import * as add from './commands/add.js';
import * as enrich from './commands/enrich.js';
import * as libraryCommands from './commands/library.js';
import * as search from './commands/search.js';
import * as serve from './commands/serve.js';
import * as start from './commands/start.js';

/** Every command; adding one is a file in commands/ plus one line here. */
const commands: { register(program: Command): void }[] = [add, libraryCommands, search, enrich, serve, start];

export function buildProgram(): Command {
  const program = new Command('podsift')
    .description('Local-first podcast knowledge base: read every transcript format, search it, enrich it, keep your highlights.')
    .version('0.1.0')
    .option('--library <path>', 'library file (default: $PODSIFT_LIBRARY or the user data directory)')
    .option('--debug', 'show stack traces for internal errors')
    .showHelpAfterError();
  for (const command of commands) command.register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
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

await main(process.argv);
