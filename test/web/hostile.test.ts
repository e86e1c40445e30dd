// Untrusted text in a real browser: transcript text, titles, speakers, notes, tags, file names and snippets made of
// <script>, <img onerror>, javascript: links and markdown render as text on every page, and no script runs. A page
// on another origin cannot write to the library.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { EVIL, EVIL_TEXT, fixture, type Fixture } from '../server/helpers.js';
import { launch, type Browser } from './browser.js';

let f: Fixture;
let browser: Browser;

before(async () => {
  f = await fixture({ evil: true });
  f.library.addHighlight({ episodeId: f.ids.evil!, start: 0, end: 5, title: `Mine ${EVIL.img}`, text: `Quote ${EVIL.script}`, note: `Note ${EVIL.link} ${EVIL.svg}`, tags: [`tag${EVIL.img}`] });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await f?.close();
});

/** Nothing ran, nothing was made: no flag set, no element from the payloads, no javascript: URL, no CSP report. */
async function assertInert(page: Page, where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    imgs: [...document.images].map((i) => i.getAttribute('src')),
    svgs: document.querySelectorAll('svg').length,
    iframes: [...document.querySelectorAll('iframe')].map((i) => i.getAttribute('src') ?? ''),
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`)),
    jsUrls: [...document.querySelectorAll('[href], [src], [action]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '').filter((u) => /^\s*(javascript|data|vbscript):/i.test(u)),
    bodyText: document.body.innerText,
  }));
  assert.equal(state.pwned, null, `${where}: a payload ran`);
  assert.ok(state.scripts.every((s) => s !== null && /^\/assets\/[a-z-]+\.js$/.test(s)), `${where}: scripts ${JSON.stringify(state.scripts)}`);
  assert.ok(state.imgs.every((s) => s === '/assets/icon.svg'), `${where}: images ${JSON.stringify(state.imgs)}`);
  assert.equal(state.svgs, 0, `${where}: svg elements`);
  assert.ok(state.iframes.every((s) => s.startsWith('https://www.youtube-nocookie.com/embed/')), `${where}: iframes ${JSON.stringify(state.iframes)}`);
  assert.deepEqual(state.handlers, [], `${where}: event handler attributes`);
  assert.deepEqual(state.jsUrls, [], `${where}: script URLs`);
  assert.deepEqual((page as Page & { problems: string[] }).problems, [], `${where}: errors`);
  return void state.bodyText;
}

const text = (page: Page) => page.evaluate(() => document.body.innerText);

describe('hostile text renders as text everywhere', () => {
  it('episode page: title, guests, speakers, transcript, chapters, highlights, summary, mentions, player', async () => {
    const page = await browser.page();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Trusted Type/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${f.url}/episodes/${f.ids.evil}`);
    await page.locator('.seg').first().waitFor();
    await page.locator('#panel-summary summary').click();
    await page.locator('#panel-sources summary').click();
    const body = await text(page);
    for (const payload of [EVIL.script, EVIL.img, EVIL.svg, EVIL.link, EVIL.iframe]) assert.ok(body.includes(payload), `shown literally: ${payload}`);
    assert.equal(await page.locator('.ep-head h1').textContent(), `Hostile ${EVIL.script} ${EVIL.svg}`);
    assert.equal(await page.locator('.who').first().textContent(), `Eve ${EVIL.iframe}`);
    assert.equal(await page.locator('.chapter-list button span:last-child').textContent(), `Chapter ${EVIL.script}`);
    assert.match((await page.locator('.no-media').textContent())!, /No player/, 'a javascript: media URL gives no player');
    assert.equal(await page.locator('audio').count(), 0);
    assert.equal(await page.locator('.translation').getAttribute('lang'), null, 'a hostile language code is dropped');
    const mention = page.locator('#panel-mentions a').first();
    assert.equal(await mention.getAttribute('href'), `/entities/${encodeURIComponent(`Name ${EVIL.img}`)}`);
    await assertInert(page, 'episode');
    assert.deepEqual(violations, [], 'the CSP had nothing to block');

    // Saving a highlight of hostile text, with a hostile note, through the dialog.
    await page.locator('button.ts').first().focus();
    await page.keyboard.press('h');
    const dialog = page.locator('dialog.highlight-dialog');
    await dialog.waitFor();
    assert.match((await dialog.locator('blockquote').textContent())!, /<script>window\.__pwned/);
    await dialog.locator('textarea[name="note"]').fill(`${EVIL.img} ${EVIL.link}`);
    await dialog.locator('input[name="tags"]').fill(`${EVIL.svg}, ok`);
    await dialog.locator('button[value="save"]').click();
    await page.locator('#panel-mine .user-highlight').nth(1).waitFor();
    await assertInert(page, 'episode after saving');

    // The entity page of a hostile name.
    await mention.click();
    await page.locator('h1', { hasText: 'Name' }).waitFor();
    assert.equal(await page.locator('h1').textContent(), `Name ${EVIL.img}`);
    await assertInert(page, 'entity');
    await page.close();
  });

  it('search results, library, highlights page', async () => {
    const page = await browser.page();
    await page.goto(`${f.url}/search?q=zebrafish`);
    await page.locator('.hit').first().waitFor();
    const snippets = await page.locator('.snippet').allTextContents();
    assert.ok(snippets.some((s) => s.includes('<script>window.__pwned') || s.includes('onerror')), `snippet shows the markup as text: ${snippets.join(' | ')}`);
    assert.ok((await page.locator('.snippet mark').count()) >= 1, 'matched words still marked');
    assert.equal(await page.locator('.snippet mark').first().textContent(), 'Zebrafish');
    await assertInert(page, 'search');

    // A query that is itself markup.
    await page.goto(`${f.url}/search?q=${encodeURIComponent(`${EVIL.img} **x** \\*`)}`);
    await page.locator('.search-status').filter({ hasText: /passage|No passages/ }).waitFor();
    assert.equal(await page.locator('#q').inputValue(), `${EVIL.img} **x** \\*`);
    await assertInert(page, 'search for markup');

    await page.goto(`${f.url}/`);
    await page.locator('.episode-card').first().waitFor();
    const library = await text(page);
    assert.ok(library.includes(`Hostile ${EVIL.script}`), 'hostile title listed as text');
    assert.ok(library.includes(`Guest ${EVIL.img}`));
    await assertInert(page, 'library');

    await page.goto(`${f.url}/highlights`);
    await page.locator('.hl-card').first().waitFor();
    const highlights = await text(page);
    assert.ok(highlights.includes(`Note ${EVIL.link}`), 'note as text');
    assert.ok(highlights.includes(`tag${EVIL.img}`), 'tag as text');
    await assertInert(page, 'highlights');
    await page.close();
  });

  it('uploaded file names with markup are shown as text', async () => {
    const page = await browser.page();
    await page.goto(`${f.url}/`);
    await page.locator('.episode-card').first().waitFor();
    const name = `<img src=x onerror="window.__pwned='upload'">.srt`;
    await page.locator('input[type="file"]').setInputFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from('1\n00:00:01,000 --> 00:00:03,000\nANN: A harmless line about kites and wind.\n') }]);
    const item = page.locator('.upload-item.done');
    await item.waitFor();
    assert.equal(await item.locator('.name').textContent(), name);
    await assertInert(page, 'upload');
    await page.close();
  });

  it('the export of hostile highlights escapes Markdown', async () => {
    const md = await (await fetch(`${f.url}/api/highlights/export/markdown`)).text();
    assert.doesNotMatch(md, /(?<!\\)<(script|img|svg)|(?<!\\)\]\(javascript:/);
    assert.match(md, /\\<script\\>/);
    void EVIL_TEXT;
  });
});

describe('cross-site requests', () => {
  let other: Server;
  let otherUrl: string;
  before(async () => {
    // A page on another origin (another port) that tries to write to the library in every way a page can.
    other = createServer((req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end(`<!doctype html><body>
<form id="form" method="post" action="${f.url}/api/highlights" enctype="text/plain"><input name='{"episodeId":"field-notes-3","text":"forged by form","x":"' value='"}'></form>
<script>
  window.results = {};
  const target = ${JSON.stringify(f.url)};
  const body = JSON.stringify({ episodeId: 'field-notes-3', text: 'forged by fetch' });
  Promise.allSettled([
    fetch(target + '/api/highlights', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body }).then(() => 'sent'),
    fetch(target + '/api/highlights', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then((r) => r.status),
    fetch(target + '/api/uploads?name=forged.srt', { method: 'POST', mode: 'no-cors', body: '1\\n00:00:01,000 --> 00:00:03,000\\nA: forged upload text here.\\n' }).then(() => 'sent'),
    fetch(target + '/api/episodes').then((r) => r.status),
  ]).then((all) => { window.results = all.map((r) => r.status === 'fulfilled' ? String(r.value) : 'blocked: ' + r.reason); });
</script></body>`);
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  after(
    () =>
      new Promise<void>((resolve) => {
        other.close(() => resolve());
        other.closeAllConnections();
      }),
  );

  it('a page on another origin can neither write nor read', async () => {
    const page = await browser.page();
    page.problems.length = 0;
    const before = { highlights: f.library.listHighlights().length, episodes: f.library.listEpisodes().length };
    await page.goto(otherUrl);
    await page.waitForFunction(() => Array.isArray((window as unknown as { results: unknown }).results));
    const results = await page.evaluate(() => (window as unknown as { results: string[] }).results);
    // A no-cors write goes out; the server refuses it (and its answer is blocked by Cross-Origin-Resource-Policy).
    assert.ok(results[0] === 'sent' || /^blocked/.test(results[0]!), results[0]);
    assert.match(results[1]!, /^blocked/, 'a JSON write needs a preflight, which fails');
    assert.match(results[3]!, /^blocked/, 'reads are not shared with other origins');
    await Promise.all([page.waitForNavigation().catch(() => undefined), page.evaluate(() => (document.getElementById('form') as HTMLFormElement).submit())]);
    const formAnswer = await page.evaluate(() => document.body.innerText);
    assert.match(formAnswer, /"status":403/, `the form post is refused: ${formAnswer.slice(0, 200)}`);
    assert.deepEqual({ highlights: f.library.listHighlights().length, episodes: f.library.listEpisodes().length }, before, 'nothing was written');
    assert.equal(f.library.listHighlights().filter((h) => /forged/.test(h.text)).length, 0);
    await page.close();
  });
});
