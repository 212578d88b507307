import { describe, expect, it } from 'vitest';
import { runPagefind, startPagefind } from '../../src/search/run-pagefind.js';
import { searchRecords } from '../../src/search/search-records.js';
import { entry, siteConfig } from './fixtures.js';

// One article's record, as a build makes it.
const jinhua = entry('content/xuexi/a.md', '2022-03-01 16:59:26', {
  title: '金华全力保障用工先行',
  html: '<p>员工返岗率达98%。</p>\n',
});
const job = {
  language: 'und',
  words: 'zh-CN',
  records: searchRecords([jinhua], siteConfig(), (e) => e.html),
};

describe('a Pagefind process started ahead of its job', () => {
  it('makes the bundle a process started for the job makes', { timeout: 60_000 }, async () => {
    const ahead = startPagefind('und');
    // Its service has started by the time a rebuild has planned its site.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const files = await runPagefind(job, ahead);
    // It had the job, and answered it.
    expect(ahead.give(job)).toBe(false);
    expect(await ahead.closed).toMatchObject({ code: 0, answer: { files } });
    const alone = await runPagefind(job);
    expect(files.map((f) => f.path).sort()).toEqual(alone.map((f) => f.path).sort());
    expect(files.find((f) => f.path === 'pagefind-entry.json')?.content).toEqual(
      alone.find((f) => f.path === 'pagefind-entry.json')?.content,
    );
  });

  it('started for another language, is left for a process of the job’s own', {
    timeout: 60_000,
  }, async () => {
    const ahead = startPagefind('en');
    const files = await runPagefind(job, ahead);
    expect(files.some((f) => f.path === 'pagefind-entry.json')).toBe(true);
    ahead.stop();
    expect(await ahead.closed).toMatchObject({ signal: 'SIGTERM' });
  });

  it('ends when stopped without a job (a build with no shard to index)', { timeout: 60_000 }, async () => {
    const ahead = startPagefind('und');
    ahead.stop();
    expect(await ahead.closed).toMatchObject({ signal: 'SIGTERM' });
    expect(ahead.give(job)).toBe(false);
  });
});
