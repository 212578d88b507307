import { describe, expect, it } from 'vitest';
import { findCollisions } from '../../src/graph/collisions.js';

describe('findCollisions', () => {
  it('finds nothing when every path differs', () => {
    expect(
      findCollisions([
        { path: 'index.html', owner: 'the generated page /' },
        { path: 'xuexi/2022/03/a/index.html', owner: 'content/xuexi/a.md' },
        { path: 'xuexi/2022/03/b/index.html', owner: 'content/xuexi/b.md' },
      ]),
    ).toMatchObject([]);
  });

  it('reports the same path, naming both owners', () => {
    expect(
      findCollisions([
        { path: 'xuexi/2022/03/a/index.html', owner: 'content/xuexi/2022-03-01-a.md' },
        { path: 'xuexi/2022/03/a/index.html', owner: 'content/xuexi/a.md' },
      ]),
    ).toMatchObject([
      {
        severity: 'error',
        file: 'content/xuexi/a.md',
        message: 'writes the same page /xuexi/2022/03/a/ as content/xuexi/2022-03-01-a.md',
        hint: 'give one of them another slug (slug: …) or date',
      },
    ]);
  });

  it('reports paths that differ only in case', () => {
    const ds = findCollisions([
      { path: 'xuexi/2022/03/GDP/index.html', owner: 'content/xuexi/b.md' },
      { path: 'xuexi/2022/03/gdp/index.html', owner: 'content/xuexi/a.md' },
    ]);
    expect(ds.map((d) => [d.file, d.message])).toMatchObject([
      ['content/xuexi/a.md', 'writes the same page /xuexi/2022/03/gdp/ as content/xuexi/b.md'],
    ]);
  });

  it('reports NFC and NFD forms of the same name', () => {
    const composed = 'caf\u00e9/index.html';
    const decomposed = 'cafe\u0301/index.html';
    expect(composed).not.toBe(decomposed);
    const ds = findCollisions([
      { path: composed, owner: 'content/a.md' },
      { path: decomposed, owner: 'content/b.md' },
    ]);
    expect(ds).toHaveLength(1);
    expect(ds[0]?.file).toBe('content/b.md');
    expect(ds[0]?.message).toContain('content/a.md');
  });

  it('names a file that is not a page as it is', () => {
    const ds = findCollisions([
      { path: '404.html', owner: 'the generated page /404.html' },
      { path: '404.html', owner: 'public/404.html' },
    ]);
    expect(ds.map((d) => [d.file, d.message])).toMatchObject([
      ['public/404.html', 'writes the same page /404.html as the generated page /404.html'],
    ]);
  });

  it('reports every later claim against the first', () => {
    const ds = findCollisions([
      { path: 'a/index.html', owner: 'p.md' },
      { path: 'a/index.html', owner: 'q.md' },
      { path: 'A/index.html', owner: 'r.md' },
    ]);
    expect(ds.map((d) => [d.file, d.message])).toMatchObject([
      ['q.md', 'writes the same page /a/ as p.md'],
      ['r.md', 'writes the same page /A/ as p.md'],
    ]);
  });
});
