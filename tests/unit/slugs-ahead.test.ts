import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { AheadWork } from '../../src/content/slugs-ahead.js';
import { textsToSlug } from '../../src/content/texts-to-slug.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { slugify } from '../../src/text/slug.js';

/**
 * A build slugs the texts of the articles it loads on another thread ahead (slugsAhead), from a
 * quick look at their files (textsToSlug): the thread's slugs must be slugify's, and the look must
 * find what loading an article slugs.
 */

const SAMPLE = `---
title: "东阳市创新补贴开局良好"
date: 2024-11-09 22:29:28
category: "民生"
tags: ["招商引资", '开门红', 春风行动, Jobs]
---
正文第一段。

## 保障用工谋划早

### **稳岗**留工 ##

#没有空格不是标题
`;

describe('textsToSlug', () => {
  it('finds the Chinese tags, headings and file name an article is loaded with, and no ASCII text', () => {
    expect(textsToSlug('content/xuexi/永康新闻.md', SAMPLE)).toEqual([
      '永康新闻',
      '招商引资',
      '开门红',
      '春风行动',
      '保障用工谋划早',
      '稳岗留工',
    ]);
  });

  it('reads tags written as a block list', () => {
    const text = '---\ntitle: 标题\ntags:\n  - 就业\n  - "人才"\ndate: 2022-03-01\n---\n正文\n';
    expect(textsToSlug('content/a.md', text)).toEqual(['就业', '人才']);
  });
});

describe('the slug thread', () => {
  it('slugs as slugify does here, the texts given and those of the files it reads', async () => {
    const texts = ['招商引资', '金华·永康（2022）', 'Ｆｕｌｌ宽度', '重庆', '行长'];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gazette-slugs-'));
    const full = path.join(dir, '永康新闻.md');
    writeFileSync(full, SAMPLE);
    const work: AheadWork = {
      texts,
      files: [
        ['content/xuexi/永康新闻.md', full],
        ['content/gone.md', path.join(dir, 'gone.md')],
      ],
    };
    const thread = new Worker(path.join(PACKAGE_ROOT, 'lib', 'content', 'slug-thread.js'), {
      workerData: work,
    });
    const pairs = await new Promise<Array<[string, string]>>((resolve, reject) => {
      thread.once('message', resolve);
      thread.once('error', reject);
    });
    rmSync(dir, { recursive: true, force: true });
    const all = [...texts, ...textsToSlug('content/xuexi/永康新闻.md', SAMPLE)];
    expect(pairs).toEqual(all.map((t) => [t, slugify(t)]));
    expect(pairs[0]?.[1]).toBe('zhao-shang-yin-zi');
  });
});
