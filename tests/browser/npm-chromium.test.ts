import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { npmChromium } from '../helpers/npm-chromium.js';
import { type ServedSite, serveSampleSite } from '../helpers/served-site.js';
import { REPO } from '../helpers/site.js';

// The browser tests use Debian's Chromium where it is installed, as on this project's machines, and
// otherwise this one, from the npm registry: this file keeps that second branch tried everywhere.
let site: ServedSite;
let browser: Browser;
beforeAll(async () => {
  [site, browser] = await Promise.all([
    serveSampleSite(['--no-search']),
    npmChromium().then((build) => launchBrowser(build)),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it("the npm registry's Chromium shows the sample site's Chinese text in the packaged Noto Sans SC", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(site.url);
  expect(await page.textContent('.site-title')).toContain('金华');

  // Which of the machine's fonts drew the text: the packaged one alone (its bold face: the title is
  // bold), for Chinese and Latin alike.
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.site-title' });
  await cdp.send('CSS.enable');
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(fonts.map((f) => f.familyName)).toEqual(['Noto Sans S Chinese Bold']);

  const artifacts = path.join(REPO, 'test-artifacts');
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'npm-chromium-home-phone.png'), fullPage: true });
});
