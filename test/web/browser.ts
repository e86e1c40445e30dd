// A real Chromium (Debian's, driven by playwright-core) for the web app's tests: one per test file, a fresh
// profile each time, no network beyond the test server.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PODSIFT_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = new URL('../../artifacts/screenshots/', import.meta.url).pathname;

export interface Browser {
  context: BrowserContext;
  /** A new page that records uncaught errors and console errors (network failures of the offline YouTube embed aside). */
  page(options?: { width?: number; height?: number }): Promise<Page & { problems: string[] }>;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set PODSIFT_CHROMIUM`);
  const profile = mkdtempSync(join(tmpdir(), 'podsift-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
  });
  return {
    context,
    async page(options = {}) {
      const page = (await context.newPage()) as Page & { problems: string[] };
      page.problems = [];
      if (options.width) await page.setViewportSize({ width: options.width, height: options.height ?? 844 });
      page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (/youtube|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION|Failed to load resource/i.test(text)) return;
        page.problems.push(`console: ${text}`);
      });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}
