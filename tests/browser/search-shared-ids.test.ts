/// <reference lib="dom" />
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardLoader } from '../../src/search/shard-loader.js';
import { metaOf, sharedIds } from '../../src/search/shard-meta.js';
import { type ShardedAndWhole, shardedAndWhole } from '../helpers/sharded-and-whole.js';
import { article, siteYaml } from '../helpers/site.js';

// Pagefind names each page by a 7-digit hash, unique in its own index only: at 20,000 articles in
// 43 shards, two shards have a page of the same id about every other build. Such a collision is made
// here in a real bundle: February's page is given the id of January's (in its shard's metadata and
// its fragment's name), and the loader written again as the build writes it. The loader must still
// rank both pages as one whole index does, each with its own score and its own id.
const filler = '全市稳岗返岗工作稳步推进，企业复工复产有序开展，各地加快项目建设。';
let sites: ShardedAndWhole;

/** A shard's metadata file (named by its entry file), and its pages' ids. */
const metaFile = (dir: string) => {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8'));
  const language = Object.keys(entry.languages)[0] ?? '';
  const file = path.join(dir, `pagefind.${entry.languages[language].hash}.pf_meta`);
  return { file, ids: metaOf(readFileSync(file)).ids };
};
const titleOf = (dir: string, id: string) =>
  JSON.parse(
    gunzipSync(readFileSync(path.join(dir, 'fragment', `${id}.pf_fragment`)))
      .toString()
      .slice(12),
  ).meta.title as string;

async function giveFebruaryJanuarysId(dist: string): Promise<void> {
  const bundle = path.join(dist, 'pagefind');
  const names = readdirSync(bundle).filter((f) => statSync(path.join(bundle, f)).isDirectory());
  const find = (title: string) => {
    for (const name of names) {
      const dir = path.join(bundle, name);
      const id = metaFile(dir).ids.find((i) => titleOf(dir, i) === title);
      if (id) return { dir, id };
    }
    throw new Error(`no page titled ${title}`);
  };
  const [jan, feb] = [find('一月消息'), find('二月消息')];
  expect(jan.id.length).toBe(feb.id.length);
  const { file } = metaFile(feb.dir);
  const meta = gunzipSync(readFileSync(file));
  const at = meta.indexOf(feb.id);
  expect(meta.indexOf(feb.id, at + 1)).toBe(-1);
  meta.write(jan.id, at);
  writeFileSync(file, gzipSync(meta));
  renameSync(
    path.join(feb.dir, 'fragment', `${feb.id}.pf_fragment`),
    path.join(feb.dir, 'fragment', `${jan.id}.pf_fragment`),
  );
  // The loader as the build writes it (write-search-index.ts), over the shards as they are now.
  const order = JSON.parse(
    /const SHARDS = (.*);/.exec(readFileSync(path.join(bundle, 'pagefind.js'), 'utf8'))?.[1] ?? '[]',
  );
  const metas = (order as string[]).map((name) =>
    metaOf(readFileSync(metaFile(path.join(bundle, name)).file)),
  );
  expect(sharedIds(metas)).toEqual([jan.id]);
  const loaded = (order as string[]).map((name, i) => ({ name, length: metas[i]?.length }));
  writeFileSync(path.join(bundle, 'pagefind.js'), shardLoader(loaded, sharedIds(metas)));
}

beforeAll(async () => {
  const files = {
    'site.yaml': siteYaml(),
    'content/xuexi/a.md': article(
      { title: '一月消息', date: '2022-01-10 10:00', category: '学习' },
      `樟树湾码头开工。${filler}${filler}`,
    ),
    'content/yaowen/b.md': article(
      { title: '二月消息', date: '2022-02-10 10:00', category: '要闻' },
      `樟树湾码头开工。樟树湾新港。樟树湾物流。${filler}`,
    ),
    'content/yaowen/c.md': article({ title: '三月消息', date: '2022-03-18 09:00', category: '要闻' }, filler),
  };
  sites = await shardedAndWhole(files, giveFebruaryJanuarysId);
});
afterAll(() => sites?.close());

describe('pages of two shards with the same id', () => {
  it('are ranked as one whole index ranks them, each with its own score and id', async () => {
    const whole = await sites.ranked('樟树湾', 'whole');
    expect(whole.map((r) => r.title)).toEqual(['二月消息', '一月消息']);
    const shards = await sites.ranked('樟树湾', 'dist');
    expect(shards.map((r) => r.title)).toEqual(['二月消息', '一月消息']);
    expect(new Set(shards.map((r) => r.id)).size).toBe(2);
    shards.forEach((r, i) => {
      expect(r.score).toBeCloseTo(whole[i]?.score ?? 0, 5);
    });
  });
});
