import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { KNOWN_SITE_KEYS } from '../../src/config/schema.js';
import { fillTemplate } from '../../src/scaffold/fill-template.js';
import { gazettePin, type RunningGazette } from '../../src/scaffold/gazette-pin.js';
import { readStarter } from '../../src/scaffold/read-starter.js';
import { runningGazette } from '../../src/scaffold/running-gazette.js';
import { commandCategory } from '../../src/scaffold/site-docs.js';
import { siteYaml } from '../../src/scaffold/site-yaml.js';
import { themeFiles } from '../../src/scaffold/theme-files.js';
import { makeSite, REPO, removeSite } from '../helpers/site.js';

const roots: string[] = [];
const folder = (files: Record<string, string> = {}) => {
  const root = makeSite(files);
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const r of roots.splice(0)) removeSite(r);
});

describe('which gazette a new site depends on', () => {
  const gazette = (installer?: RunningGazette['installer']): RunningGazette => ({
    root: '/home/me/proj/node_modules/gazette',
    version: '0.3.1',
    node: '>=20.19',
    ...(installer && { installer }),
  });
  const none = () => false;

  it('is the folder itself when gazette runs from a clone or a linked folder', () => {
    expect(gazettePin({ ...gazette(), root: '/src/gazette' }, none)).toEqual({ spec: 'file:/src/gazette' });
  });

  it('is the registry version when it was installed from the registry, or by a project that does not say', () => {
    expect(gazettePin(gazette({ dir: '/home/me/proj', spec: '^0.3.0' }), none)).toEqual({ spec: '^0.3.1' });
    expect(gazettePin(gazette({ dir: '/home/me/proj', spec: 'latest' }), none)).toEqual({ spec: '^0.3.1' });
    expect(gazettePin(gazette({ dir: '/usr/lib' }), none)).toEqual({ spec: '^0.3.1' });
  });

  it('is a copy of the same tarball, kept in the site, when it was installed from one', () => {
    const exists = (f: string) => f === '/home/me/gazette-0.3.1.tgz';
    expect(gazettePin(gazette({ dir: '/home/me/proj', spec: 'file:../gazette-0.3.1.tgz' }), exists)).toEqual({
      spec: 'file:vendor/gazette-0.3.1.tgz',
      vendor: { from: '/home/me/gazette-0.3.1.tgz', to: 'vendor/gazette-0.3.1.tgz' },
    });
    // A tarball that is gone can be installed by no one: the registry version is the best guess.
    expect(gazettePin(gazette({ dir: '/home/me/proj', spec: 'file:../gone.tgz' }), none)).toEqual({
      spec: '^0.3.1',
    });
  });

  it('keeps a spec that works on any computer, and resolves a folder', () => {
    for (const spec of [
      'https://example.cn/gazette-0.3.1.tgz',
      'git+https://example.cn/gazette.git#v0.3.1',
      'github:office/gazette',
      'office/gazette#main',
    ])
      expect(gazettePin(gazette({ dir: '/home/me/proj', spec }), none)).toEqual({ spec });
    expect(gazettePin(gazette({ dir: '/home/me/proj', spec: 'file:../gazette' }), none)).toEqual({
      spec: 'file:/home/me/gazette',
    });
  });

  it('reads how the installing project (or npx) asked for gazette', async () => {
    const top = folder({
      'proj/package.json': JSON.stringify({ dependencies: { gazette: 'file:../gazette-0.1.0.tgz' } }),
      'proj/node_modules/gazette/package.json': JSON.stringify({
        version: '0.1.0',
        engines: { node: '>=20.19' },
      }),
      'clone/package.json': JSON.stringify({ version: '0.2.0', engines: { node: '>=22' } }),
    });
    expect(await runningGazette(path.join(top, 'proj/node_modules/gazette'))).toEqual({
      root: path.join(top, 'proj/node_modules/gazette'),
      version: '0.1.0',
      node: '>=20.19',
      installer: { dir: path.join(top, 'proj'), spec: 'file:../gazette-0.1.0.tgz' },
    });
    // npm links a folder dependency: its real path is the folder.
    mkdirSync(path.join(top, 'other/node_modules'), { recursive: true });
    symlinkSync(path.join(top, 'clone'), path.join(top, 'other/node_modules/gazette'));
    expect(await runningGazette(path.join(top, 'other/node_modules/gazette'))).toEqual({
      root: path.join(top, 'clone'),
      version: '0.2.0',
      node: '>=22',
    });
  });
});

describe('site.yaml of a new site', () => {
  const values = {
    title: '金华新闻网',
    baseUrl: 'https://news.example.cn/',
    timeZone: 'Asia/Shanghai',
    categories: [{ name: '要闻', slug: 'yaowen' }],
  };

  it('explains every key of site.yaml in Chinese, on the line above it', async () => {
    const { siteYaml: template } = await readStarter();
    const lines = siteYaml(template, values).split('\n');
    for (const key of KNOWN_SITE_KEYS) {
      const at = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`# ${key}:`));
      expect(at, key).toBeGreaterThan(0);
      expect(lines[at - 1], key).toMatch(/^# .*[\u4e00-\u9fff].*[。：，；]/);
    }
  });

  it('reads back every value exactly as typed, whatever YAML would make of it', async () => {
    const { siteYaml: template } = await readStarter();
    for (const text of [
      'a: b',
      '#1 新闻',
      '"引号"',
      "it's",
      '[视频]',
      '{x}',
      '123',
      'true',
      'null',
      '@人',
      '- 列表',
      '|',
      '  空格  x',
    ]) {
      const yaml = siteYaml(template, {
        ...values,
        title: text,
        defaultSource: text,
        footer: text,
        description: text,
        icp: text,
        police: `${text} 33070202000123`,
        categories: [{ name: text, slug: 'a' }],
      });
      const { config } = parseConfig(new TextEncoder().encode(yaml), 'site.yaml');
      const trimmed = text.trim();
      expect(config).toMatchObject({
        title: trimmed,
        defaultSource: trimmed,
        footer: text,
        description: text,
        icp: trimmed,
        police: { text: `${text} 33070202000123`.trim(), code: '33070202000123' },
        categories: [{ name: trimmed, slug: 'a' }],
      });
    }
  });
});

describe('the starter files', () => {
  it('fill every placeholder, and a placeholder without a value is gazette’s own mistake', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow's ${{ … }}, which must stay text
    expect(fillTemplate('{{a}} ${{ b }} {{ c }}', { a: 'x' }, 'f')).toBe('x ${{ b }} {{ c }}');
    expect(() => fillTemplate('{{a}} {{b}}', { a: 'x' }, 'f.md')).toThrow(
      'starter/f.md has a placeholder {{b}} without a value',
    );
  });

  it('name a category in commands by its name only where a shell, YAML and Markdown take it as it is', () => {
    expect(commandCategory({ name: '通知公告', slug: 'tzgg' })).toBe('通知公告');
    for (const name of ['通知 公告', '[视频]', '2024', 'a*b', '-要闻', '要闻|x'])
      expect(commandCategory({ name, slug: 's' })).toBe('s');
  });
});

describe('the built-in theme', () => {
  it('is listed file by file in the README, each with what it is for', async () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `((?:templates|public)\/[^`]+)` \| [^|]+\|$/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual((await themeFiles()).map((f) => f.name).sort());
  });
});
