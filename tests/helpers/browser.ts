import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { npmChromium } from './npm-chromium.js';

/** Debian's chromium (`apt-get install -y chromium`): the tests use it where it is installed. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** A Chromium to launch, and what its process needs in its environment. */
export interface ChromiumBuild {
  readonly executablePath: string;
  /** Added to the environment of the browser's process. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` if set; otherwise Debian's where installed;
 * otherwise the one from the npm registry (a devDependency), so that `npm test` needs nothing but
 * Node and npm.
 */
export async function testChromium(): Promise<ChromiumBuild> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH names ${chosen}, which does not exist`);
    return { executablePath: chosen };
  }
  return existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : npmChromium();
}

/** Real headless Chromium with the flags this closed-network machine needs. */
export async function launchBrowser(build?: ChromiumBuild): Promise<Browser> {
  const { executablePath, env } = build ?? (await testChromium());
  return chromium.launch({
    executablePath,
    ...(env && { env: { ...process.env, ...env } }),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * Waits until the search page shows its results whole: Pagefind's UI first shows a placeholder
 * (`.pagefind-ui__loading`, dots in the text colour on the same colour) for each result whose data
 * has not come yet, and a page measured then has text no reader is meant to read.
 */
export async function searchResultsShown(page: Page): Promise<void> {
  await page.locator('.pagefind-ui__result').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.pagefind-ui__loading') === null);
}
