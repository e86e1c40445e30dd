// `podsift serve` and `podsift start` as a user runs them: a real process that prints its address and stops cleanly.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'podsift-serve-cli-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stop(): Promise<number | null>;
}

/** Starts podsift and waits for the "Open <url>" line. */
function run(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...process.env, NO_COLOR: '1', PODSIFT_TOKEN: '', ...env } });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no address printed in 60 s:\n${out}\n${err}`));
    }, 60_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Open (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          child,
          url: m[1]!,
          stdout: () => out,
          stop: () =>
            new Promise((done) => {
              child.on('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before serving:\n${out}\n${err}`));
    });
  });
}

describe('podsift start', () => {
  it('adds the samples to an empty library, serves the app, prints the address, stops on SIGTERM', async () => {
    const server = await run(['--library', join(dir, 'start.db'), 'start', '--port', '0']);
    try {
      assert.match(server.stdout(), /is empty: adding the sample transcripts/);
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const list = await (await fetch(`${server.url}api/episodes`)).json();
      assert.ok(list.total >= 4, `samples added: ${list.total}`);
      const page = await fetch(server.url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<script type="module" src="\/assets\/main\.js"><\/script>/);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });

  it('--no-serve lists the episodes and exits', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--library', join(dir, 'start.db'), 'start', '--no-serve'], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise((done) => child.on('exit', done));
    assert.equal(code, 0);
    assert.match(out, /field-notes-3/);
    assert.doesNotMatch(out, /Open http/);
  });
});

describe('podsift serve', () => {
  it('with a token prints an address that carries it, and requires it', async () => {
    const token = 'cli-token-abcdefghijklmnop';
    const server = await run(['--library', join(dir, 'start.db'), 'serve', '--port', '0', '--token', token]);
    try {
      assert.match(server.url, new RegExp(`\\?token=${token}$`));
      const base = server.url.replace(/\?.*$/, '');
      assert.equal((await fetch(`${base}api/episodes`)).status, 401);
      assert.equal((await fetch(`${base}api/episodes`, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });

  it('says so when the port is taken', async () => {
    const first = await run(['--library', join(dir, 'start.db'), 'serve', '--port', '0']);
    try {
      const port = new URL(first.url).port;
      const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--library', join(dir, 'start.db'), 'serve', '--port', port]);
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      const code = await new Promise((done) => child.on('exit', done));
      assert.equal(code, 2);
      assert.match(err, new RegExp(`port ${port} is in use`));
    } finally {
      await first.stop();
    }
  });
});
