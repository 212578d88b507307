import { siteTime } from '../content/dates.js';
import { type Diagnostic, inLanguage } from '../errors/diagnostic.js';
import { auditCounts } from './audit-counts.js';
import type { AuditResult } from './audit-site.js';
import { limitWords } from './limit-start.js';
import { VETO } from './thresholds.js';

/** Typography warnings listed one by one in the report at most; the others are counted. */
const TYPOGRAPHY_LISTED = 200;

/**
 * The audit as a report in Chinese, in Markdown, that an office can file with its quarterly
 * self-check (季度自查): the 单项否决 indicators with what was found, then every finding at its
 * file:line:col. Pure.
 */
export function auditReport(result: AuditResult, site: { title: string; timeZone: string }): string {
  const c = auditCounts(result);
  const at = siteTime(result.input.now, site.timeZone);
  const of = (code: string) => result.diagnostics.filter((d) => d.code === code);
  const found = (n: number, unit: string) => (n === 0 ? '未发现' : `发现 ${n} ${unit}`);
  const verdict = (veto: boolean) => (veto ? '**单项否决**' : '未触及');
  const v = new Set(result.vetoes);
  const lines = [
    `# ${site.title}网站自查报告`,
    '',
    `- 自查时间：${at}（${site.timeZone}）`,
    '- 依据：《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）',
    `- 检查范围：已发布文章 ${result.input.articles.length} 篇，栏目 ${result.input.columns.length} 个`,
    '- 工具：gazette check --audit',
    '',
    `**结论：${result.vetoes.length > 0 ? `不合格，存在 ${result.vetoes.length} 项单项否决问题` : '未发现单项否决问题'}。**`,
    '',
    '## 一、单项否决指标',
    '',
    '| 指标 | 标准 | 检查情况 | 判定 |',
    '| --- | --- | --- | --- |',
    `| 首页不更新 | 监测 ${VETO.homeDays} 天（2 周），首页无信息更新 | ${c.homeStale ? '首页超过 2 周无新文章' : '未发现'} | ${verdict(v.has('home'))} |`,
    `| 栏目不更新 | 动态、要闻类 2 周内、通知公告和政策文件类 6 个月内未更新的栏目累计 ${VETO.staleColumns} 个及以上 | ${found(c.staleColumns, '个')} | ${verdict(v.has('stale'))} |`,
    `| 空白栏目 | 空白栏目 ${VETO.blankColumns} 个及以上 | ${found(c.blankColumns, '个')} | ${verdict(v.has('blank'))} |`,
    `| 严重表述错误 | 出现严重表述错误（如领导人姓名、国名写错） | ${result.wordingList ? found(c.seriousWording, '处') : '未检查（网站没有 audit/wording.yaml）'} | ${result.wordingList ? verdict(v.has('wording')) : '未检查'} |`,
    '',
    '## 二、首页更新',
    '',
    ...listOrNone(of('GZ0903'), '首页 2 周内有新文章。'),
    '## 三、空白栏目',
    '',
    ...listOrNone(of('GZ0901'), '没有空白栏目。'),
    '## 四、栏目更新',
    '',
    ...columnLimits(result),
    ...listOrNone(of('GZ0902'), '所有规定了更新期限的栏目都按时更新。'),
    '## 五、表述错误',
    '',
    ...(result.wordingList
      ? listOrNone(of('GZ0904'), '没有发现本网站规定的错误写法。')
      : ['网站没有 `audit/wording.yaml`，没有检查表述错误。', '']),
    '## 六、链接和附件（扣分项）',
    '',
    ...listOrNone(result.input.links, '没有发现打不开的链接、图片或附件。'),
    '## 七、排版提醒',
    '',
    ...listOrNone(of('GZ0905').slice(0, TYPOGRAPHY_LISTED), '没有发现排版问题。'),
    ...(c.typography > TYPOGRAPHY_LISTED
      ? [
          `另有 ${c.typography - TYPOGRAPHY_LISTED} 处排版提醒未列出，请运行 gazette check --audit 查看全部。`,
          '',
        ]
      : []),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function columnLimits(result: AuditResult): string[] {
  const limited = result.input.columns.flatMap((c) =>
    c.limit === 'none' ? [] : [`${c.name}（${limitWords(c.limit, 'zh')}）`],
  );
  if (limited.length === 0) return ['没有栏目规定更新期限。', ''];
  return [`规定了更新期限的栏目：${limited.join('、')}。`, ''];
}

/** Each finding as check prints it, in Chinese, as a list item; or a sentence when there is none. */
function listOrNone(ds: readonly Diagnostic[], none: string): string[] {
  if (ds.length === 0) return [none, ''];
  return [...ds.map((d) => `- ${item(inLanguage(d, 'zh'))}`), ''];
}

function item(d: Diagnostic): string {
  const where = d.position ? `${d.file}:${d.position.line}:${d.position.column}` : d.file;
  const text = d.hint ? `${d.message}；${d.hint}` : d.message;
  return `\`${where}\` ${d.severity === 'error' ? '【错误】' : '【提醒】'}${text}${/[。？！]$/.test(text) ? '' : '。'}`;
}
