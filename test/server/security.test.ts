// What keeps the server safe to leave running: headers, Host check, token, same-origin writes, no path traversal,
// and no network-facing bind without a token.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBind, BindError } from '../../src/server/serve.js';
import { fixture, json, type Fixture } from './helpers.js';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const TOKEN = 'test-token-0123456789abcdef';

/** A raw HTTP request: the path goes out exactly as written (fetch would normalize `..`). */
function raw(url: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('an open (loopback, no token) server', () => {
  let f: Fixture;
  before(async () => {
    f = await fixture();
  });
  after(async () => {
    await f?.close();
  });

  it('sends security headers on pages, API answers and errors', async () => {
    for (const path of ['/', '/api/episodes', '/api/nothing', '/assets/main.js']) {
      const r = await fetch(f.url + path);
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.match(csp, /frame-src https:\/\/www\.youtube-nocookie\.com https:\/\/www\.youtube\.com/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer', path);
      await r.arrayBuffer();
    }
  });

  it('serves the page with no inline script', async () => {
    const html = await (await fetch(f.url + '/')).text();
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, /src="\/assets\/[a-z-]+\.js"/);
    assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
  });

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    const r = await raw(f.url, '/api/episodes', { Host: 'evil.example:80' });
    assert.equal(r.status, 403);
    assert.match(JSON.parse(r.body).error.message, /host not allowed/);
    assert.equal((await raw(f.url, '/api/episodes', { Host: `localhost:${f.server.port}` })).status, 200);
  });

  it('refuses cross-origin writes, by Origin or Sec-Fetch-Site', async () => {
    const body = JSON.stringify({ episodeId: 'field-notes-3', text: 'forged' });
    const forged: Record<string, string>[] = [
      { Origin: 'http://evil.example' },
      { Origin: 'null' },
      { Origin: `http://127.0.0.1:${f.server.port + 1}` },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const headers of forged) {
      const r = await fetch(`${f.url}/api/highlights`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
      assert.equal(r.status, 403, JSON.stringify(headers));
      assert.equal((await json(r)).error.status, 403);
    }
    const upload = await fetch(`${f.url}/api/uploads?name=x.srt`, { method: 'POST', headers: { Origin: 'http://evil.example' }, body: 'x' });
    assert.equal(upload.status, 403);
    const del = await fetch(`${f.url}/api/highlights/1`, { method: 'DELETE', headers: { 'Sec-Fetch-Site': 'cross-site' } });
    assert.equal(del.status, 403);
    assert.equal(f.library.listHighlights().length, 0, 'nothing was written');
    const same = await fetch(`${f.url}/api/highlights`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: f.url, 'Sec-Fetch-Site': 'same-origin' }, body });
    assert.equal(same.status, 201);
  });

  it('never walks out of its folders: traversal in URLs fails', async () => {
    const paths = [
      '/assets/../package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e%2fpackage.json',
      '/assets/main.ts',
      '/assets/..',
      '/../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/episodes/..%2f..%2fetc%2fpasswd',
      '/api/episodes/..%2f..%2fetc%2fpasswd',
      '/api/episodes/%2e%2e',
      '/api/episodes/field-notes-3/export/..%2f..%2fpackage.json',
      '/src/server/app.ts',
      '/dist/cli/main.js',
      '/package.json',
    ];
    for (const path of paths) {
      const r = await raw(f.url, path);
      // `..` segments are resolved by URL parsing before routing (`/assets/..` is `/`, the app's page).
      const shell = r.status === 200 && r.body.startsWith('<!doctype html>');
      assert.ok(r.status === 400 || r.status === 404 || shell, `${path} → ${r.status}`);
      assert.doesNotMatch(r.body, /"name": "podsift"|root:x:0|import \{/, path);
    }
    const bad = await raw(f.url, '/api/entities/%E0%A4%A');
    assert.ok(bad.status === 400 || bad.status === 404, `malformed escape → ${bad.status}`);
  });
});

describe('a server with a token', () => {
  let f: Fixture;
  before(async () => {
    f = await fixture({ app: { token: TOKEN } });
  });
  after(async () => {
    await f?.close();
  });

  it('answers 401 without the token, or with a wrong one', async () => {
    for (const path of ['/', '/api/episodes', '/assets/main.js', '/api/openapi.json']) {
      const r = await fetch(f.url + path);
      assert.equal(r.status, 401, path);
      assert.equal((await json(r)).error.status, 401);
    }
    assert.equal((await fetch(`${f.url}/api/episodes`, { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status, 401);
    assert.equal((await fetch(`${f.url}/?token=wrong-token-0123456789`, { redirect: 'manual' })).status, 401);
    assert.equal((await fetch(`${f.url}/api/episodes?token=${TOKEN}`)).status, 401, 'the token in an API query string is not accepted');
    const write = await fetch(`${f.url}/api/highlights`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ episodeId: 'field-notes-3', text: 'x' }) });
    assert.equal(write.status, 401);
  });

  it('accepts a Bearer token', async () => {
    const r = await fetch(`${f.url}/api/episodes`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    assert.equal(r.status, 200);
  });

  it('sets an HttpOnly SameSite=Strict cookie from /?token= and drops the token from the address', async () => {
    const r = await fetch(`${f.url}/search?q=river&token=${TOKEN}`, { redirect: 'manual' });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/search?q=river');
    const cookie = r.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^podsift_token=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    const page = await fetch(`${f.url}/api/episodes`, { headers: { Cookie: cookie.split(';')[0]! } });
    assert.equal(page.status, 200);
  });

  it('answers any Host when the token is set (it is the protection), still refusing cross-origin writes', async () => {
    const r = await raw(f.url, '/api/episodes', { Host: 'my-laptop.lan:4567', Authorization: `Bearer ${TOKEN}` });
    assert.equal(r.status, 200);
    const forged = await fetch(`${f.url}/api/highlights`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, Origin: 'http://evil.example' }, body: JSON.stringify({ episodeId: 'field-notes-3', text: 'x' }) });
    assert.equal(forged.status, 403);
  });
});

describe('binding', () => {
  it('refuses a non-loopback address without a token, and weak tokens', () => {
    assert.throws(() => checkBind('0.0.0.0', null), BindError);
    assert.throws(() => checkBind('192.168.1.10', undefined), /without a token/);
    assert.throws(() => checkBind('::', ''), BindError);
    assert.throws(() => checkBind('0.0.0.0', 'short'), /16 to 256/);
    assert.throws(() => checkBind('127.0.0.1', 'has spaces in it 0123456789'), /16 to 256/);
    checkBind('127.0.0.1', null);
    checkBind('localhost', null);
    checkBind('::1', null);
    checkBind('0.0.0.0', TOKEN);
  });

  it('podsift serve --host 0.0.0.0 without a token refuses to start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podsift-bind-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--library', join(dir, 'l.db'), 'serve', '--host', '0.0.0.0', '--port', '0'], { env: { ...process.env, PODSIFT_TOKEN: '' } });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.on('data', (d) => (stdout += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      clearTimeout(timer);
      assert.equal(code, 2, `${stdout}\n${stderr}`);
      assert.match(stderr, /refusing to listen on 0\.0\.0\.0 without a token/);
      assert.doesNotMatch(stdout, /Open http/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
