import http from 'node:http';
import type { RunningDevServer } from '../../../src/dev/dev-server.js';
import { injectClient } from '../../../src/dev/live-reload.js';
import type { RebuildReport } from '../../../src/memory/memory-site.js';
import type { TreeDifference } from './tree-diff.js';
import { whereTheyPart } from './tree-diff.js';

/** How long the dev server may take to come to the clean build's files after an edit. */
const DEV_SETTLE_MS = 2500;

/** Requests made at once: enough to keep the server busy, few enough for a loaded machine. */
const AT_ONCE = 8;

/**
 * How what the dev server at `url` serves differs from the clean build `expected` (path → bytes):
 * every file of it must come with status 200 and its bytes (an HTML page with the live-reload script
 * the dev server adds to every page), and every file of `absent` the clean build lacks (files the
 * site had before, the page of an article deleted), by its path and its folder, must be a 404 with
 * the site's 404 page.
 */
export async function servedDifferences(
  url: string,
  expected: ReadonlyMap<string, Buffer>,
  absent: Iterable<string>,
): Promise<TreeDifference[]> {
  const out: TreeDifference[] = [];
  // node:http rather than fetch: a third of the CPU per request, and a step makes a hundred.
  const agent = new http.Agent({ keepAlive: true, maxSockets: AT_ONCE });
  const get = (target: string) => request(agent, url, target);
  const notFound = expected.get('404.html');
  const checks: Array<() => Promise<void>> = [];
  for (const [file, bytes] of expected)
    checks.push(async () => {
      const res = await get(`/${file}`);
      const body = res.body;
      if (res.status !== 200) out.push({ path: file, kind: 'missing', detail: `status ${res.status}` });
      else if (!body.equals(served(file, bytes)))
        out.push({ path: file, kind: 'different', detail: whereTheyPart(body, served(file, bytes)) });
    });
  const targets = new Set<string>();
  for (const file of absent) {
    if (expected.has(file)) continue;
    targets.add(`/${file}`);
    // The address a reader has of a page: its folder.
    if (file === 'index.html' || file.endsWith('/index.html'))
      targets.add(`/${file.slice(0, -'index.html'.length)}`);
  }
  for (const target of targets)
    checks.push(async () => {
      const res = await get(target);
      const body = res.body;
      const page = notFound && served('404.html', notFound);
      if (res.status !== 404) out.push({ path: target, kind: 'extra', detail: `status ${res.status}` });
      else if (page && !body.equals(page))
        out.push({ path: target, kind: 'different', detail: `its 404 page, ${whereTheyPart(body, page)}` });
    });
  let next = 0;
  const worker = async () => {
    while (next < checks.length) await checks[next++]?.();
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker)).finally(() => agent.destroy());
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What the dev server (started in English) sends for a file: HTML with the live-reload script in it. */
const served = (file: string, bytes: Buffer): Buffer =>
  file.endsWith('.html') ? Buffer.from(injectClient(bytes.toString('utf8'), 'en')) : bytes;

/** A GET of `target` (a path whose segments are not yet percent-encoded), following no redirect. */
function request(agent: http.Agent, url: string, target: string): Promise<{ status: number; body: Buffer }> {
  const address = new URL(target.split('/').map(encodeURIComponent).join('/'), url);
  return new Promise((resolve, reject) => {
    http
      .get(address, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * The differences `check` finds once the dev server is done: an edit may come to it in more than
 * one batch (a rename is an add, then an unlink ~100 ms later), so while they differ, each later
 * rebuild is waited for, up to DEV_SETTLE_MS.
 */
export async function devSettled(
  server: RunningDevServer,
  check: () => Promise<TreeDifference[]>,
): Promise<TreeDifference[]> {
  await server.lastRebuild();
  let differences = await check();
  const deadline = Date.now() + DEV_SETTLE_MS;
  while (differences.length > 0 && Date.now() < deadline) {
    if (!(await nextRebuild(server, server.lastRebuild(), deadline - Date.now()))) break;
    differences = await check();
  }
  return differences;
}

/** Waits for a rebuild after `seen` to start, then for it to end; false if none starts within `ms`. */
export async function nextRebuild(
  server: RunningDevServer,
  seen: Promise<RebuildReport>,
  ms: number,
): Promise<boolean> {
  const until = Date.now() + ms;
  while (server.lastRebuild() === seen) {
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await server.lastRebuild();
  return true;
}
