import { afterEach, describe, expect, it } from 'vitest';
import type { RunningDevServer } from '../../src/dev/dev-server.js';
import { siteFactory } from '../helpers/adversarial.js';
import { devServers } from '../helpers/dev-servers.js';
import { article } from '../helpers/site.js';

// The dev server had no clock: an article dated a few minutes ahead appeared in the preview only at
// the next save of some file, where `gazette build` started at that time publishes it.

const sites = siteFactory();
const { serve, closeAll } = devServers();
afterEach(async () => {
  await closeAll();
  sites.cleanup();
});

/** A date as front matter has it, `ms` from now, in whole seconds: `2026-12-03T14:50:07+00:00`. */
const inAFew = (ms: number) =>
  new Date(Math.ceil((Date.now() + ms) / 1000) * 1000).toISOString().replace('.000Z', '+00:00');

const statusOf = async (server: RunningDevServer, rel: string) =>
  (await fetch(new URL(rel, server.url))).status;
const textAt = async (server: RunningDevServer, rel: string) =>
  (await fetch(new URL(rel, server.url))).text();

describe('the dev server publishes a scheduled article when its time comes', () => {
  it('with no file saved: its page, the home page and its category list show it then, and not before', async () => {
    const at = inAFew(3000);
    const root = sites.make({
      'content/xuexi/later.md': article({ title: '定时发布的通知', date: at, category: '学习' }),
    });
    const log: string[] = [];
    const server = await serve(root, log);
    const page = `xuexi/${at.slice(0, 4)}/${at.slice(5, 7)}/later/`;

    expect(await statusOf(server, page)).toBe(404);
    expect(await textAt(server, '')).not.toContain('定时发布的通知');
    expect(log.join('\n')).toContain('content/xuexi/later.md');

    const until = Date.now() + 15_000;
    while ((await statusOf(server, page)) !== 200 && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await statusOf(server, page)).toBe(200);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at));
    expect(await textAt(server, page)).toContain('定时发布的通知');
    expect(await textAt(server, '')).toContain('定时发布的通知');
    expect(await textAt(server, 'xuexi/')).toContain('定时发布的通知');
    expect(log).toContainEqual(
      expect.stringMatching(
        /^rebuilt in \d+ ms: \d+ file\(s\) updated \(an article's publication time came\)$/,
      ),
    );
  });

  it('an article dated years ahead arms no timer that fires early', async () => {
    const root = sites.make({
      'content/xuexi/far.md': article({ title: '远期的通知', date: '2099-01-01 08:00', category: '学习' }),
    });
    const log: string[] = [];
    const server = await serve(root, log);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(log.filter((l) => l.startsWith('rebuilt'))).toEqual([expect.stringContaining('(initial build)')]);
    expect(await statusOf(server, 'xuexi/2099/01/far/')).toBe(404);
  });
});
