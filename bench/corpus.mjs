// gazette's own synthetic corpus, for when ../shared/bench/gen-corpus.mjs (the corpus the peers are
// measured on) is not beside the repository, e.g. in CI on a lone clone. Deterministic: the same n
// always gives the same files. Articles are Chinese news-like Markdown in six categories.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const CATEGORIES = ['学习', '要闻', '语言', '知识', '经济', '民生'];
const WORDS =
  '企业 发展 项目 建设 服务 工作 经济 政府 推动 全市 各地 部门 群众 政策 保障 提升 产业 创新 就业 人才 制造业 投资 市场 民营 重点 实施 加快 推进 落实 优化'.split(
    ' ',
  );
const PLACES = '金东区 婺城区 义乌市 东阳市 永康市 兰溪市 浦江县 武义县 磐安县 开发区'.split(' ');
const TAGS = ['就业', '开门红', '项目建设', '营商环境', '制造业', '人才'];

export function writeCorpus(n, dir) {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const sentence = () =>
    `${pick(PLACES)}${Array.from({ length: 8 + Math.floor(rand() * 8) }, () => pick(WORDS)).join('')}。`;
  const paragraph = () => Array.from({ length: 4 }, sentence).join('');
  mkdirSync(dir, { recursive: true });
  const start = Date.UTC(2021, 0, 1);
  for (let i = 1; i <= n; i++) {
    const t = new Date(start + i * 1800_000);
    const p = (x) => String(x).padStart(2, '0');
    const date = `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:00`;
    const body = [
      paragraph(),
      paragraph(),
      `## ${pick(WORDS)}${pick(WORDS)}`,
      `**${Math.floor(rand() * 9999)}人**——${sentence()}`,
      paragraph(),
      `- ${sentence()}\n- ${sentence()}`,
      paragraph(),
    ].join('\n\n');
    const fm = [
      '---',
      `title: "${pick(PLACES)}${pick(WORDS)}${pick(WORDS)}取得新进展"`,
      `date: ${date}`,
      `source: 金华市人民政府`,
      `category: ${pick(CATEGORIES)}`,
      `tags: [${pick(TAGS)}]`,
      '---',
      '',
    ];
    writeFileSync(path.join(dir, `${String(i).padStart(6, '0')}.md`), `${fm.join('\n')}\n${body}\n`);
  }
}
