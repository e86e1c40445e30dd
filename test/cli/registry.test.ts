// The command registry: each entry names exactly the commands its module registers, so running a command loads
// its module and no other.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { COMMANDS, commandModules } from '../../src/cli/registry.js';

function namesOf(module: { register(program: Command): void }): string[] {
  const program = new Command('podsift');
  module.register(program);
  return program.commands.flatMap((c) => [c.name(), ...c.aliases()]).sort();
}

describe('the command registry', () => {
  it('lists, for every module, exactly the command names and aliases it registers', async () => {
    for (const entry of COMMANDS) assert.deepEqual(namesOf(await entry.load()), [...entry.names].sort());
  });

  it('loads only the module of the command being run, found after global options', async () => {
    assert.deepEqual((await commandModules(['search', 'cortex'])).map(namesOf), [['search']]);
    assert.deepEqual((await commandModules(['--library', 'show', 'search', 'x'])).map(namesOf), [['search']]);
    assert.deepEqual((await commandModules(['help', 'serve'])).map(namesOf), [['serve']]);
  });

  it('loads every module when no command is named (help, version, a typo)', async () => {
    assert.equal((await commandModules(['--help'])).length, COMMANDS.length);
    assert.equal((await commandModules(['serach'])).length, COMMANDS.length);
  });
});
