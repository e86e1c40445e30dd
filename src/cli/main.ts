#!/usr/bin/env node
import { Command } from 'commander';
import { InputError } from '../model/errors.js';
import { UsageError } from './context.js';
import { commandModules } from './registry.js';

/** The program with the commands `args` (the arguments after the script) need; with none given, every command. */
export async function buildProgram(args: readonly string[] = []): Promise<Command> {
  const program = new Command('podsift')
    .description('Local-first podcast knowledge base: read every transcript format, search it, enrich it, keep your highlights.')
    .version('0.1.0')
    .option('--library <path>', 'library file (default: $PODSIFT_LIBRARY or the user data directory)')
    .option('--debug', 'show stack traces for internal errors')
    .showHelpAfterError();
  for (const command of await commandModules(args)) command.register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `podsift search … | head` closes the pipe early: the reader has what it wanted, so stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    await (await buildProgram(argv.slice(2))).parseAsync(argv);
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
