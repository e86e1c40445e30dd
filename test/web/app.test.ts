// The web app in a real browser: search to the moment, chapters, highlights, uploads, themes, phone width.
// Screenshots of the main pages go to artifacts/screenshots/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { addFiles } from '../../src/ingest/add-files.js';
import { addFragment, audioFragment, fixture, silentWav, type Fixture } from '../server/helpers.js';
import { launch, screenshot, type Browser } from './browser.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url).pathname;
const KARPATHY = ['002_bb59af7d294ef3a3.txt', '004_b0f844e91e7adf30.txt'].map((f) => SEEDS + f);

let f: Fixture;
let browser: Browser;

before(async () => {
  f = await fixture({ long: 3000 });
  if (KARPATHY.every((p) => existsSync(p))) addFiles(f.library, KARPATHY);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await f?.close();
});

/** The address after client-side navigation (pushState: no load event to wait for). */
async function urlMatches(page: import('playwright-core').Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source).test(location.href), pattern.source);
}

const iframeSrc = (page: import('playwright-core').Page) => page.locator('.player iframe').getAttribute('src');

/** Waits for something the page reports through events (requests) rather than the DOM. */
async function until(condition: () => boolean, message: string, timeout = 5000): Promise<void> {
  for (const end = Date.now() + timeout; !condition(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > end) assert.fail(message);
  }
}

describe('search to the moment', () => {
  it('types a query, sees marked results, opens one, and the player is cued at that time', async () => {
    const page = await browser.page();
    await page.goto(`${f.url}/`);
    await page.locator('.episode-card').first().waitFor();
    await screenshot(page, 'library');
    await page.locator('#q').pressSequentially('mill lane', { delay: 20 });
    await urlMatches(page, /\/search\?q=mill\+lane/);
    const first = page.locator('.hit').first();
    await first.waitFor();
    assert.equal(await first.locator('.hit-title').textContent(), 'Lena Brandt: What Rivers Remember');
    assert.deepEqual(await first.locator('.snippet mark').allTextContents(), ['Mill', 'Lane', 'Mill', 'Lane']);
    const meta = await first.locator('.hit-meta').textContent();
    assert.match(meta!, /Lena Brandt · 1:20 · Introduction/);
    assert.equal(await first.locator('a.play-link').getAttribute('href'), 'https://youtube.com/watch?v=Fn3RvR1vErs&t=80');
    assert.equal(await first.locator('a.play-link').getAttribute('target'), '_blank');
    await screenshot(page, 'search-results');

    await first.locator('.hit-title').click();
    await urlMatches(page, /\/episodes\/field-notes-3\?t=80$/);
    // The embed waits for the reader: the placeholder says where it will start.
    await page.locator('.player .yt-play').waitFor();
    assert.equal(await page.locator('.player .yt-when').textContent(), 'from 1:20');
    assert.equal(await page.locator('.player iframe').count(), 0);
    await page.locator('.seg.current').waitFor();
    assert.match((await page.locator('.seg.current').textContent())!, /^That sounds almost spooky\./);

    // A timestamp in the transcript loads the embed and plays from there.
    await page.locator('button.ts[data-t="99"]').click();
    const after = new URL((await iframeSrc(page))!);
    assert.equal(after.origin + after.pathname, 'https://www.youtube-nocookie.com/embed/Fn3RvR1vErs');
    assert.equal(after.searchParams.get('start'), '99');
    assert.equal(after.searchParams.get('autoplay'), '1');
    assert.match(page.url(), /t=99$/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('filters by speaker and pages with "More results"', async () => {
    const page = await browser.page();
    await page.goto(`${f.url}/search?q=river&speaker=Sam%20Ortega`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.locator('input[name="speaker"]').inputValue(), 'Sam Ortega');
    await page.goto(`${f.url}/search?q=the&show=Field%20Notes`);
    await page.locator('.hit').first().waitFor();
    assert.deepEqual([...new Set(await page.locator('.hit-head .muted').allTextContents())], ['Field Notes #3'], 'the show filter from the address applies at once');
    assert.equal(await page.locator('select[name="show"]').inputValue(), 'Field Notes');
    await page.goto(`${f.url}/search?q=the`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.locator('.hit').count(), 20);
    await page.locator('button.more').click();
    await page.waitForFunction(() => document.querySelectorAll('.hit').length > 20);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('episode page', () => {
  it('chapters scroll the transcript and cue the player; far pages load on demand', async () => {
    const page = await browser.page();
    await page.goto(`${f.url}/episodes/field-notes-3`);
    await page.locator('.chapter-list button').first().waitFor();
    assert.deepEqual(await page.locator('.chapter-list button span:last-child').allTextContents(), ['Introduction', 'Floods and memory', 'Reading a floodplain', 'Letting rivers move']);
    await screenshot(page, 'episode-light');
    await page.locator('.chapter-list button', { hasText: 'Reading a floodplain' }).click();
    const heading = page.locator('#chapter-2');
    await page.waitForFunction(() => {
      const h = document.querySelector('#chapter-2')!.getBoundingClientRect();
      return h.top > 0 && h.top < window.innerHeight / 2 + 100;
    });
    assert.equal(await heading.textContent(), 'Reading a floodplain');
    assert.equal(new URL((await iframeSrc(page))!).searchParams.get('start'), '242');
    assert.equal(await page.locator('.chapter-list button', { hasText: 'Reading a floodplain' }).getAttribute('aria-current'), 'true');
    // Moments and entities (seeded enrichment) link to their times and pages.
    assert.equal(await page.locator('#panel-moments .item-title').first().textContent(), 'The street that flooded');
    await page.locator('#panel-mentions a', { hasText: 'Weirbeck' }).click();
    await urlMatches(page, /\/entities\/Weirbeck$/);
    await page.locator('.entity-episodes a', { hasText: '1:39' }).waitFor();
    assert.equal(await page.locator('.entity-episodes a', { hasText: '1:39' }).getAttribute('href'), '/episodes/field-notes-3?t=99');
    await screenshot(page, 'entity');

    // A 3000-turn episode: only the first page is in the document until the reader goes further.
    await page.goto(`${f.url}/episodes/${f.ids.long}`);
    await page.locator('.seg').first().waitFor();
    assert.equal(await page.locator('.tpage').count(), 30);
    assert.ok((await page.locator('.seg').count()) <= 200, 'only nearby pages rendered');
    await page.locator('.chapter-list button', { hasText: 'Closing thoughts' }).click();
    await page.locator('.seg[data-i="2990"]').waitFor();
    await page.waitForFunction(() => {
      const h = document.querySelector('#chapter-2')!.getBoundingClientRect();
      return h.top > 0 && h.top < window.innerHeight;
    });
    assert.ok((await page.locator('.seg').count()) < 1000, 'pages in between were not all loaded');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('shows imported highlights and summaries (seeds 002 and 004 on episode #333)', async (t) => {
    if (!KARPATHY.every((p) => existsSync(p))) return t.skip('../shared/seeds not present');
    const page = await browser.page();
    const resolved = await (await fetch(`${f.url}/api/resolve?ref=%23333`)).json();
    await page.goto(`${f.url}/episodes/${resolved.id}`);
    await page.locator('#panel-imported li').first().waitFor();
    assert.ok((await page.locator('#panel-imported li').count()) >= 5, 'the Snipd highlights');
    assert.match((await page.locator('#panel-imported').textContent())!, /Can I Just Interrupt\?/);
    assert.equal(await page.locator('#panel-insights li').count(), 6);
    assert.match((await page.locator('#panel-summary').textContent())!, /THE MAGIC AND SIMPLICITY OF NEURAL NETWORKS/i);
    assert.match((await page.locator('.ep-head h1').textContent())!, /Karpathy/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('the player drives the transcript', () => {
  let media: Server;
  let audioId: string;
  before(async () => {
    const wav = silentWav(120);
    // A media server that answers Range requests, as real ones do (seeking needs them).
    media = createServer((req, res) => {
      const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
      res.setHeader('Content-Type', 'audio/wav');
      res.setHeader('Accept-Ranges', 'bytes');
      if (!range) return res.end(wav);
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), wav.length - 1) : wav.length - 1;
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${wav.length}`, 'Content-Length': end - start + 1 });
      res.end(wav.subarray(start, end + 1));
    });
    await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
    audioId = addFragment(f.library, join(f.dir, 'audio.json'), audioFragment(`http://127.0.0.1:${(media.address() as AddressInfo).port}/quiet.wav`, 120));
  });
  after(
    () =>
      new Promise<void>((resolve) => {
        media.close(() => resolve());
        media.closeAllConnections();
      }),
  );

  it('<audio>: a timestamp seeks and plays, and the playing turn is marked as time goes on', async () => {
    const page = await browser.page();
    await page.goto(`${f.url}/episodes/${audioId}`);
    const audio = page.locator('.player audio');
    await audio.waitFor();
    assert.match((await audio.getAttribute('src'))!, /^http:\/\/127\.0\.0\.1:\d+\/quiet\.wav$/);
    await page.locator('button.ts[data-t="40"]').click();
    await page.waitForFunction(() => (document.querySelector('audio') as HTMLAudioElement).currentTime >= 40);
    await page.locator('.seg.current[data-s="40"], .seg.current[data-s="42"]').first().waitFor();
    await page.waitForFunction(() => Number((document.querySelector('.seg.current') as HTMLElement | null)?.dataset.s) >= 42, null, { timeout: 10_000 });
    await page.evaluate(() => (document.querySelector('audio') as HTMLAudioElement).pause());
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('YouTube: the embed reporting its time moves the transcript there, loading that page and keeping it in view', async () => {
    const page = await browser.page();
    await page.goto(`${f.url}/episodes/${f.ids.long}`);
    await page.locator('.seg').first().waitFor();
    // Before the embed is loaded there is no playback time to follow.
    assert.equal(await page.locator('.seg.current').count(), 0);
    await page.locator('.player .yt-play').click();
    const before = await iframeSrc(page);
    assert.equal(new URL(before!).searchParams.get('autoplay'), '1');
    // What the embed posts (no network in tests: the messages are dispatched as if from its window).
    await page.evaluate(() => {
      const frame = document.querySelector('.player iframe') as HTMLIFrameElement;
      for (const data of [{ event: 'onReady' }, { event: 'infoDelivery', info: { currentTime: 6001.5 } }]) {
        window.dispatchEvent(new MessageEvent('message', { origin: 'https://www.youtube-nocookie.com', source: frame.contentWindow, data: JSON.stringify(data) }));
      }
    });
    const current = page.locator('.seg.current');
    await current.waitFor();
    assert.equal(await current.getAttribute('data-i'), '1500');
    await page.waitForFunction(() => {
      const r = document.querySelector('.seg.current')!.getBoundingClientRect();
      return r.top > 0 && r.bottom < window.innerHeight;
    });
    // A message from anywhere else is ignored.
    await page.evaluate(() => window.dispatchEvent(new MessageEvent('message', { origin: 'https://evil.example', source: window, data: JSON.stringify({ event: 'infoDelivery', info: { currentTime: 10 } }) })));
    assert.equal(await current.getAttribute('data-i'), '1500');
    // Once the embed has answered, seeking goes through its API instead of reloading it.
    await page.locator('button.ts').first().click();
    assert.equal(await iframeSrc(page), before);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('the YouTube placeholder', () => {
  const YOUTUBE_HOST = /(^|\.)(youtube(-nocookie)?\.com|ytimg\.com|googlevideo\.com|ggpht\.com|youtu\.be)$/i;
  /** A page that records every request leaving the test server, and answers YouTube's with a stub (tests never go online). */
  async function watched(options?: { width?: number; height?: number }) {
    const page = await browser.page(options);
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(f.url)) elsewhere.push(request.url());
    });
    await page.route((url) => YOUTUBE_HOST.test(url.hostname), (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>embed stub</title>' }));
    return Object.assign(page, { elsewhere, youtube: () => elsewhere.filter((u) => YOUTUBE_HOST.test(new URL(u).hostname)) });
  }

  it('opening an episode asks nothing of YouTube until the play button is used, which works from the keyboard', async () => {
    const page = await watched();
    await page.goto(`${f.url}/episodes/field-notes-3?t=80`);
    const button = page.locator('.player .yt-play');
    await button.waitFor();
    await page.locator('.seg.current').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(page.elsewhere, [], 'no request beyond this server');
    assert.equal(await page.locator('iframe, img[src^="http"]').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Play on YouTube from 1:20 (loads youtube-nocookie.com)' }).count(), 1);
    const placeholder = (await page.locator('.yt-facade').boundingBox())!;

    // Tab from the last chapter reaches the button, with a visible focus ring; Enter loads the embed and plays.
    await page.locator('.chapter-list button').last().focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'yt-play');
    const ring = await button.evaluate((el) => ({ visible: el.matches(':focus-visible'), style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth }));
    assert.deepEqual(ring, { visible: true, style: 'solid', width: '3px' });
    await screenshot(page, 'episode-player-focus');
    assert.deepEqual(page.youtube(), [], 'focusing the button loads nothing');
    await page.keyboard.press('Enter');
    const src = new URL((await iframeSrc(page))!);
    assert.equal(src.origin + src.pathname, 'https://www.youtube-nocookie.com/embed/Fn3RvR1vErs');
    assert.equal(src.searchParams.get('start'), '80');
    assert.equal(src.searchParams.get('autoplay'), '1');
    assert.equal(await page.locator('.yt-play').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'IFRAME', 'focus moves into the player');
    const embed = (await page.locator('.player iframe').boundingBox())!;
    assert.deepEqual([embed.width, embed.height].map(Math.round), [placeholder.width, placeholder.height].map(Math.round), 'the embed takes the placeholder\'s place exactly');
    await until(() => page.youtube().some((u) => u.startsWith('https://www.youtube-nocookie.com/embed/Fn3RvR1vErs?')), `the embed was requested: ${JSON.stringify(page.elsewhere)}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  it('a time in the page (a key moment) loads the embed at that time; a phone gets the placeholder too', async () => {
    const page = await watched();
    await page.goto(`${f.url}/episodes/field-notes-3`);
    await page.locator('.player .yt-play').waitFor();
    assert.equal(await page.locator('.player .yt-when').textContent(), 'from 0:00');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(page.elsewhere, []);
    const { moments } = (await (await fetch(`${f.url}/api/episodes/field-notes-3`)).json()) as { moments: { start: number }[] };
    await page.locator('#panel-moments .row-actions button').first().click();
    const src = new URL((await iframeSrc(page))!);
    assert.equal(src.searchParams.get('start'), String(Math.floor(moments[0]!.start)));
    assert.equal(src.searchParams.get('autoplay'), '1');
    assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'IFRAME', 'focus stays where the reader clicked');
    await until(() => page.youtube().length > 0, 'the embed was requested');
    assert.deepEqual(page.problems, []);
    await page.close();

    const phone = await watched({ width: 390, height: 844 });
    await phone.goto(`${f.url}/episodes/field-notes-3`);
    await phone.locator('.player .yt-play').waitFor();
    await phone.waitForLoadState('networkidle');
    assert.deepEqual(phone.elsewhere, []);
    const box = (await phone.locator('.yt-facade').boundingBox())!;
    const label = (await phone.locator('.yt-play').boundingBox())!;
    assert.ok(label.y >= box.y && label.y + label.height <= box.y + box.height + 0.5, 'the button fits in the placeholder');
    assert.deepEqual(phone.problems, []);
    await phone.close();
  });
});

describe('highlights', () => {
  it('select words → save with a note and tags → edit on the highlights page → export', async () => {
    const page = await browser.page();
    await page.goto(`${f.url}/episodes/field-notes-3`);
    const seg = page.locator('.seg[data-s="99"]');
    await seg.waitFor();
    // Below the sticky player, mid-screen.
    await seg.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 450));
    const box = (await seg.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 4, box.y + 8, { steps: 5 });
    await page.mouse.up();
    const fab = page.locator('.highlight-fab');
    await fab.waitFor({ state: 'visible' });
    await fab.click();
    const dialog = page.locator('dialog.highlight-dialog');
    await dialog.waitFor();
    const quoted = (await dialog.locator('blockquote').textContent())!;
    assert.match(quoted, /^The town just/);
    await dialog.locator('textarea[name="note"]').fill('Streets follow old rivers.');
    await dialog.locator('input[name="tags"]').fill('rivers, floods');
    await dialog.locator('button[value="save"]').click();
    await page.locator('#panel-mine .user-highlight').waitFor();
    assert.equal(await page.locator('#panel-mine .note').textContent(), 'Streets follow old rivers.');
    assert.equal(await page.locator('.seg.hl[data-s="99"]').count(), 1, 'the passage is marked');
    const [stored] = f.library.listHighlights({ episodeId: 'field-notes-3' });
    assert.equal(stored!.start, 99);
    assert.equal(stored!.text, quoted);
    assert.deepEqual(stored!.tags, ['rivers', 'floods']);

    // Keyboard: a timestamp and H highlights its paragraph; Escape cancels.
    await page.locator('button.ts[data-t="142"]').focus();
    await page.keyboard.press('h');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Opened again, the episode lists the saved highlight in its panel (not only right after saving it).
    await page.reload();
    await page.locator('#panel-mine .user-highlight').waitFor();
    assert.equal(await page.locator('#panel-mine .note').textContent(), 'Streets follow old rivers.');

    await page.goto(`${f.url}/highlights`);
    const card = page.locator('.hl-card').first();
    await card.waitFor();
    await screenshot(page, 'highlights');
    await card.locator('button', { hasText: 'Edit' }).click();
    await dialog.locator('textarea[name="note"]').fill('Edited: streets follow old rivers.');
    await dialog.locator('button[value="save"]').click();
    await page.locator('.hl-card .note', { hasText: 'Edited:' }).waitFor();
    assert.equal(f.library.getHighlight(stored!.id)!.note, 'Edited: streets follow old rivers.');

    await page.locator('select[name="tag"]').selectOption('floods');
    await urlMatches(page, /tag=floods/);
    const href = await page.locator('.exports a[data-format="markdown"]').getAttribute('href');
    assert.equal(href, '/api/highlights/export/markdown?tag=floods');
    const download = page.waitForEvent('download');
    await page.locator('.exports a[data-format="readwise"]').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    assert.match(csv, /"Highlight","Title","Author","URL","Note","Location","Date"/);
    assert.match(csv, /Edited: streets follow old rivers\./);
    assert.match(csv, /https:\/\/youtube\.com\/watch\?v=Fn3RvR1vErs&t=99/);
    const md = await page.evaluate(async (u) => (await fetch(u)).text(), href!);
    assert.match(md, /\[1:39\]\(https:\/\/youtube\.com\/watch\?v=Fn3RvR1vErs&t=99\) The town just/);

    page.once('dialog', (d) => void d.accept());
    await page.locator('.hl-card button', { hasText: 'Delete' }).click();
    await page.locator('.hl-card').first().waitFor({ state: 'detached' });
    assert.equal(f.library.listHighlights().length, 0);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('adding files', () => {
  it('uploads chosen and dropped files, shows progress and per-file results, and the episode opens', async () => {
    const page = await browser.page();
    await page.goto(`${f.url}/`);
    await page.locator('.episode-card').first().waitFor();
    const srt = '1\n00:00:01,000 --> 00:00:04,000\nANN: Welcome to the kiln, where clay becomes stone.\n\n2\n00:00:04,500 --> 00:00:08,000\nBO: Twelve hundred degrees, give or take.\n';
    await page.locator('input[type="file"]').setInputFiles([
      { name: 'kiln.srt', mimeType: 'application/x-subrip', buffer: Buffer.from(srt) },
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"segments": [') },
    ]);
    const ok = page.locator('.upload-item.done', { hasText: 'kiln.srt' });
    await ok.waitFor();
    assert.equal(await ok.locator('progress').getAttribute('value'), '100');
    const failed = page.locator('.upload-item.failed', { hasText: 'broken.json' });
    await failed.waitFor();
    assert.match((await failed.locator('.error').textContent())!, /JSON/i);

    // Drag and drop onto the page.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n<v Cy>Glaze goes on before the second firing.\n\n00:00:03.000 --> 00:00:06.000\n<v Di>And it melts into glass.\n'], 'glaze.vtt', { type: 'text/vtt' }));
      for (const type of ['dragenter', 'dragover', 'drop']) document.querySelector('.dropzone')!.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.locator('.upload-item.done', { hasText: 'glaze.vtt' }).waitFor();
    await page.locator('.episode-card', { hasText: /kiln/i }).waitFor();
    await screenshot(page, 'library-after-upload');

    await ok.locator('a.upload-episode').click();
    await page.locator('.seg', { hasText: 'Welcome to the kiln' }).waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('themes, phone width, keyboard', () => {
  it('toggles dark theme (remembered), fits a phone screen, and works from the keyboard', async () => {
    const page = await browser.page();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${f.url}/episodes/field-notes-3`);
    await page.locator('.seg').first().waitFor();
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await page.locator('#theme-toggle').click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.notEqual(await bg(), light);
    await screenshot(page, 'episode-dark');
    await page.reload();
    await page.locator('.seg').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the server renders the remembered theme');
    await page.locator('#theme-toggle').click();
    await page.locator('#theme-toggle').click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.notEqual(await bg(), light, 'automatic follows the system');
    await page.emulateMedia({ colorScheme: 'light' });

    // Keyboard: "/" focuses search; Tab reaches the skip link first.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
    await page.goto(`${f.url}/`);
    await page.locator('.episode-card').first().waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    const card = page.locator('.episode-card a.title', { hasText: 'What Rivers Remember' });
    await card.focus();
    await page.keyboard.press('Enter');
    await urlMatches(page, /\/episodes\/field-notes-3$/);
    await page.locator('.chapter-list button').nth(1).focus();
    await page.keyboard.press('Enter');
    assert.equal(new URL((await iframeSrc(page))!).searchParams.get('start'), '97');

    const phone = await browser.page({ width: 390, height: 844 });
    await phone.goto(`${f.url}/episodes/field-notes-3`);
    await phone.locator('.seg').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no sideways scrolling on a phone');
    await screenshot(phone, 'episode-phone');
    await phone.goto(`${f.url}/search?q=river`);
    await phone.locator('.hit').first().waitFor();
    assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    await screenshot(phone, 'search-phone');
    await phone.goto(`${f.url}/`);
    await phone.locator('.episode-card').first().waitFor();
    await screenshot(phone, 'library-phone');
    assert.deepEqual([...page.problems, ...phone.problems], []);
    await phone.close();
    await page.close();
  });
});
