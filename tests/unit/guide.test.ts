import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_GUIDE, sampleGuide } from '../../src/scaffold/sample-guide.js';
import { REPO } from '../helpers/site.js';

describe('the editors’ guide, one text for the sample site and every new site', () => {
  it('is committed in docs/ as the starter’s guide filled with the sample’s site.yaml (npm run guide)', async () => {
    const committed = readFileSync(path.join(REPO, SAMPLE_GUIDE), 'utf8');
    // On a difference: edit starter/docs/编辑指南.md, never docs/, then run `npm run guide`.
    expect(committed).toBe(await sampleGuide(REPO));
  });

  it('shows the sample’s own categories, address and commands, with no placeholder left', async () => {
    const guide = await sampleGuide(REPO);
    expect(guide).toContain('| 要闻 | yaowen | `content/yaowen/` |');
    expect(guide).toContain('npm run new -- "我市召开安全生产工作会议" --category 要闻');
    expect(guide).toContain('https://news.jinhua.example.cn/yaowen/2024/03/anquan-shengchan/');
    expect(guide).not.toMatch(/\{\{[A-Za-z]+\}\}/);
    const scripts = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).scripts;
    for (const [, script] of guide.matchAll(/npm run (\w+)/g))
      expect(scripts).toHaveProperty(script as string);
  });
});
