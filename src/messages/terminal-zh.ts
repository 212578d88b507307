import { HELP_ZH } from './help-zh.js';
import type { TerminalText } from './terminal-text.js';

/** Why the build cache was not used, for the two reasons editors meet; the rest are for reports. */
const CACHE_REASONS: Readonly<Record<string, string>> = {
  'it is damaged': '缓存已损坏',
  'it was written by another version of gazette': '缓存是另一个版本的 gazette 写的',
};

/** What node's option parser found, worded by its code; the option is named as typed. */
function badOption(code: string | undefined, option: string | undefined, english: string): string {
  const named = option ? `“${option}”` : '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `没有${named}这个选项`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多了一个参数${named}；这个命令不需要它，选项的值如有空格请加引号`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(english)
        ? `选项${named}后面不用写值`
        : `选项${named}后面缺少值`;
    default:
      return `命令行有误（${english}）`;
  }
}

/** The terminal's lines in Chinese, for a zh-CN site (the default): what the editors read. */
export const TERMINAL_ZH: TerminalText = {
  help: HELP_ZH,
  head: (command, text) => `gazette ${command}：${text}`,
  unknownCommand: (command) => `gazette：没有“${command}”这个命令`,
  badLang: (given) => `--lang 只能是 zh-CN 或 en，不能是“${given}”`,
  failed: (errors) => `有 ${errors} 处错误，没有完成；上一次生成的结果原样保留`,
  internalError: (detail) =>
    `gazette 内部出错（这是 gazette 的问题，不是网站的问题，请把下面的内容报告给维护者）：${detail}`,
  badOption,

  built: (c) => {
    const skipped = [c.drafts && `${c.drafts} 篇草稿`, c.future && `${c.future} 篇定时发布的文章`]
      .filter(Boolean)
      .join('、');
    const d = c.delta;
    return (
      `已生成：${c.articles} 篇文章，${c.pages} 个页面（重新渲染 ${c.rendered} 个），${c.staticFiles} 个静态文件，用时 ${c.seconds} 秒 → ${c.out}` +
      (skipped ? `（未发布 ${skipped}）` : '') +
      (d
        ? `；与上次相比，文件修改 ${d.changed} 个、新增 ${d.added} 个、删除 ${d.removed} 个、未变 ${d.unchanged} 个`
        : '')
    );
  },
  upToDate: (c) =>
    `无需更新：${c.articles} 篇文章，${c.pages} 个页面，和上次生成时相比没有变化（用时 ${c.seconds} 秒）→ ${c.out}`,
  draftNotPublished: (file) => `未发布（草稿，draft: true）：${file}`,
  moreDrafts: (n) => `……另有 ${n} 篇草稿`,
  cacheNotUsed: (reason) =>
    `提示：这次没有使用生成缓存（${CACHE_REASONS[reason] ?? reason}），所有页面都重新生成了`,
  repaired: (files) => {
    const shown = files.slice(0, 3).join('、') + (files.length > 3 ? `等，共 ${files.length} 个` : '');
    return `提示：输出文件夹里有 ${files.length} 个文件在上次生成后被改动或删除了（${shown}），这次已重新生成`;
  },
  badJobs: '--jobs 必须是 1 到 64 之间的整数',
  progressLine: (done, total) => `页面：${done}/${total}`,
  progressBar: (done, total) => `${done}/${total} 个页面`,

  checkSummary: (c) => {
    const counts = `${c.errors} 处错误、${c.warnings} 处提醒`;
    return c.linksChecked
      ? `check：检查了 ${c.articles} 篇文章、${c.pages} 个页面，有 ${counts}`
      : `check：${counts}；网站没能生成，所以没有检查链接`;
  },
  notChecked: (files, more) =>
    `check：${files.length} 篇文章有错误，没有检查其中的链接（检查网站时先去掉了这些文章）：` +
    files.slice(0, files.length - more).join('、') +
    (more > 0 ? `等，另有 ${more} 篇` : ''),
  badFormat: (format) => `--format 只能是 text 或 json，不能是“${format}”`,
  auditSummary: (a) => {
    const words = { home: '首页不更新', blank: '空白栏目', stale: '栏目不更新', wording: '严重表述错误' };
    const vetoes = a.vetoes.map((v) => words[v]);
    const verdict =
      vetoes.length > 0 ? `有 ${vetoes.length} 项单项否决：${vetoes.join('、')}` : '未发现单项否决问题';
    return `audit：按 ${a.at} 自查，${verdict}；另有表述错误 ${a.wording} 处、链接问题 ${a.brokenLinks} 处、排版提醒 ${a.typography} 处`;
  },
  notAudited: 'audit：网站没能生成，所以没有自查',
  reportWritten: (file) => `audit：自查报告已写入 ${file}`,
  reportNotWritten: (file, reason) => `audit：写不了自查报告 ${file}：${reason}`,
  nowWithoutAudit: '--now 只能和 --audit 一起用',
  badNow: (now) =>
    `--now 要写成 2022-04-01 或 2022-04-01 09:00 这样的日期时间（网站所在时区），不能是“${now}”`,
  reportInSources: (folder) =>
    `--report 不能写在网站的 ${folder}/ 文件夹里，下次生成会把它当作网站的内容；请写在网站旁边，如 --report 自查报告.md`,

  devRebuilt: (ms, files, what) =>
    `已重新生成，用时 ${ms} 毫秒：更新了 ${files} 个文件（${what ?? '首次生成'}）`,
  devFailed: (ms, what) =>
    `生成失败，用时 ${ms} 毫秒（${what ?? '首次生成'}）；预览仍显示上一次成功生成的页面`,
  devDue: '定时发布的文章到了发布时间',
  devServing: (root, url) => `gazette dev：正在预览 ${root}，网址 ${url}`,
  devRequestFailed: (method, url, detail) =>
    `gazette dev：回应请求 ${method} ${url} 时内部出错（这是 gazette 的问题，不是网站的问题，请把下面的内容报告给维护者；预览服务照常运行）：${detail}`,
  portInUse: (port) =>
    `端口 ${port} 已被占用；换一个试试：--port ${port + 1}（或用 --port 0 自动选一个空闲端口）`,
  badPort: '--port 必须是 0 到 65535 之间的数字',

  initCreated: (file) => `已创建 ${file}`,
  initNext: (cd) =>
    `\n接下来：\n${cd ? `  cd ${cd}\n` : ''}  npm install      # 安装 gazette；package-lock.json 和其他文件一起提交\n  npm run dev      # 在 http://127.0.0.1:4000/ 预览\n\n编辑请看 docs/编辑指南.md，发布方法见 README.md。`,
  initRefused: '什么也没有写；请先把这些文件移走，或者换一个文件夹建网站',
  initNothingWritten: '什么也没有写',
  initOneFolder: (given) => `只能给一个文件夹，这里给了 ${given.length} 个：${given.join(' ')}`,
  initNotAFolder: (shown) => `“${shown}”是一个文件，不是文件夹`,
  initMissing: (flags) =>
    `缺少 ${flags.join('、')}；请在命令行上写出来，或者在终端里运行 gazette init，按提问逐项填写`,
  initUnanswered: '问题没有全部回答，什么也没有写',
  initQuestions: {
    title: '网站名称 (title)，如 金华新闻网',
    baseUrl: '网站地址 (baseUrl)，如 https://news.example.gov.cn/',
    categories: '栏目 (categories)，名称:代号，用空格隔开，如 要闻:yaowen 通知公告:tzgg',
    timeZone: '时区 (timeZone)',
    defaultSource: '默认来源 (defaultSource)，如 金华市人民政府；没有请直接回车',
    icp: 'ICP 备案号 (icp)，如 浙ICP备12345678号；没有请直接回车',
    police: '公安备案 (police)，如 浙公网安备 33070202000123号；没有请直接回车',
  },
  initFallback: (value) => `（直接回车：${value}）`,
  initSeeHelp: '运行 gazette init --help 查看所有选项。',

  newTitleMissing: '缺少标题',
  newOneTitle: (words) =>
    `标题只能有一个，这里是 ${words.length} 个词；请给标题加上引号：gazette new "${words.join(' ')}" --category …`,
  newCategoryMissing: '缺少 --category（栏目）',
  newSiteYamlFirst: '没有创建文章；请先改好 site.yaml',
  newDraft: (file, build, preview) =>
    `已创建 ${file}（草稿，不会发布）。写好正文后，删除 draft: true 这一行，再运行 ${build} 即可发布。\n` +
    `发布前预览草稿：${preview}`,

  themeOwnCopy: (name) => `${name}  （网站已有自己的一份）`,
  themeNothingCopied: '什么也没有复制',
  themeListNoNames: 'theme list 后面不用写文件名',
  themeWhatToDo: '请说明要做什么：list（列出）或 copy（复制）',
  themeUnknownAction: (action) => `没有“${action}”这个操作；请用 list 或 copy`,
  themeNameAFile: '请写出要复制的文件，如 gazette theme copy partials/footer.njk',
  themeAmbiguous: (asked, names) => `“${asked}”可能是 ${names.join(' 或 ')}；请写出其中一个`,
  themeNoFile: (asked, near) =>
    `主题里没有“${asked}”这个文件${near ? `；是不是 ${near}？` : ''}（gazette theme list 会列出全部文件）`,
};
