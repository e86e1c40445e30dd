// Empty states, dark theme and phone width on every page: what a first-time user sees (an empty library, a search
// that finds nothing, no highlights yet), hostile long strings that must not push a phone screen sideways, and
// screenshots of the dark theme in artifacts/screenshots/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openLibrary } from '../../src/store/open.js';
import type { Library } from '../../src/store/library.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import { fixture, type Fixture } from '../server/helpers.js';
import { launch, screenshot, type Browser } from './browser.js';

let f: Fixture;
let browser: Browser;
let emptyDir: string;
let emptyLibrary: Library;
let emptyServer: RunningServer;
let emptyUrl: string;

before(async () => {
  f = await fixture({ evil: true });
  emptyDir = mkdtempSync(join(tmpdir(), 'podsift-empty-'));
  emptyLibrary = openLibrary(join(emptyDir, 'library.db'));
  emptyServer = await startServer({ library: emptyLibrary, port: 0, enrichUploads: false, log: () => undefined });
  emptyUrl = emptyServer.url.replace(/\/$/, '');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await emptyServer?.close();
  emptyLibrary?.close();
  if (emptyDir) rmSync(emptyDir, { recursive: true, force: true });
  await f?.close();
});

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('an empty library', () => {
  it('says what to do on the library, search and highlights pages', async () => {
    const page = await browser.page();
    await page.goto(`${emptyUrl}/`);
    const note = page.locator('.library-list .empty');
    await note.waitFor();
    assert.match((await note.textContent())!, /library is empty.*podsift add/);
    assert.equal(await page.locator('.library-tools').isHidden(), true, 'no filter over nothing');
    await screenshot(page, 'library-empty');

    await page.goto(`${emptyUrl}/search?q=river`);
    const nothing = page.locator('.search-empty');
    await nothing.waitFor();
    assert.match((await nothing.textContent())!, /library is empty/);

    await page.goto(`${emptyUrl}/highlights`);
    await page.locator('.hl-list .empty').waitFor();
    assert.equal(await page.locator('.exports').isHidden(), true, 'no export buttons for nothing');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('a search that finds nothing', () => {
  it('suggests other words, and clearing the filters when some are set', async () => {
    const page = await browser.page();
    await page.goto(`${f.url}/search?q=qwertyuiop`);
    const nothing = page.locator('.search-empty');
    await nothing.waitFor();
    assert.match((await nothing.textContent())!, /“qwertyuiop”.*fewer words/);
    assert.equal(await nothing.locator('button').count(), 0, 'no filter to clear');
    await screenshot(page, 'search-nothing');

    await page.goto(`${f.url}/search?q=scour&speaker=Nobody`);
    await nothing.locator('button', { hasText: 'clear the filters' }).click();
    await page.locator('.hit').first().waitFor();
    assert.equal(new URL(page.url()).searchParams.get('speaker'), null);
    assert.equal(await nothing.isHidden(), true);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('dark theme and phone width', () => {
  it('every page fits a phone screen, in both themes, even with hostile long strings', async () => {
    const phone = await browser.page({ width: 390, height: 844 });
    for (const scheme of ['light', 'dark'] as const) {
      await phone.emulateMedia({ colorScheme: scheme });
      for (const [path, ready] of [
        ['/', '.episode-card'],
        ['/search?q=river', '.hit'],
        [`/episodes/${f.ids.evil}`, '.seg'],
        ['/episodes/tinkering-hour-13', '.seg'],
        ['/highlights', 'main h1'],
        ['/entities/Weirbeck', 'main h1'],
      ] as const) {
        await phone.goto(f.url + path);
        await phone.locator(ready).first().waitFor();
        assert.equal(await sideways(phone), 0, `${path} (${scheme}) scrolls sideways`);
      }
    }
    await phone.goto(`${f.url}/search?q=river`);
    await phone.locator('.hit').first().waitFor();
    assert.equal(await phone.locator('details.filters-box').getAttribute('open'), null, 'filters folded away on a phone');
    await screenshot(phone, 'search-phone-dark');

    const page = await browser.page();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${f.url}/`);
    await page.locator('.episode-card').first().waitFor();
    await screenshot(page, 'library-dark');
    await page.goto(`${f.url}/search?q=mill+lane`);
    await page.locator('.hit').first().waitFor();
    await screenshot(page, 'search-dark');
    await page.goto(`${f.url}/episodes/tinkering-hour-13`);
    await page.locator('.seg').first().waitFor();
    assert.equal(await page.locator('#panel-imported li').count(), 3, 'the sample highlights joined episode 13');
    await screenshot(page, 'episode-no-player-dark');
    assert.deepEqual([...phone.problems, ...page.problems], []);
    await phone.close();
    await page.close();
  });
});
