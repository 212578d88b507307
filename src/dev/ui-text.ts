import type { Lang } from '../messages/language.js';

/** The error screen's words, sent to the browser as data: `{name}` is filled in by the page. */
export interface OverlayText {
  readonly heading: string;
  readonly count: string;
  readonly stillServing: string;
  readonly openTip: string;
  readonly error: string;
  readonly warning: string;
  readonly code: string;
  readonly position: string;
  readonly hint: string;
  readonly close: string;
}

/**
 * Every word the dev server shows in the browser, in one place, in the language of its terminal
 * lines (the problems' own messages and hints come from the diagnostics, worded in it too).
 */
export interface UiText {
  readonly overlay: OverlayText;
  /** `<html lang>` of the dev server's own pages. */
  readonly htmlLang: string;
  /** The page served while no build has succeeded yet (the error screen shows over it). */
  readonly noPageTitle: string;
  readonly noPage: string;
  /** The body of a 500: the terminal has the details. */
  readonly serverError: string;
  /** The body of a 404 when the site has no 404.html. */
  readonly notFound: string;
  /** The body of a 403 for a Host header that is not this server's (allowed-hosts.ts): how to allow it. */
  readonly refusedHost: (host: string) => string;
}

const ZH: UiText = {
  overlay: {
    heading: '构建出错：修改并保存后，页面会自动刷新。',
    count: '共 {total} 个问题：错误 {errors} 个，警告 {warnings} 个。',
    stillServing: '改好之前，网站仍显示上一次成功生成的页面。',
    openTip: '点击文件位置，可以在 VS Code 里打开这个文件，并跳到出错的地方。',
    error: '错误',
    warning: '警告',
    code: '编号 {code}',
    position: '（第 {line} 行，第 {column} 列）',
    hint: '怎么改：',
    close: '关闭',
  },
  htmlLang: 'zh-CN',
  noPageTitle: '网站还没有生成成功',
  noPage: '网站第一次生成就出错了，还没有可以显示的页面。',
  serverError: '500 预览服务内部出错：这是 gazette 的问题，详情请看运行 gazette dev 的终端。',
  notFound: '404 没有这个页面',
  refusedHost: (host) =>
    `gazette dev：拒绝了一个主机名为 ${JSON.stringify(host)} 的请求。预览只回应它自己地址的名字` +
    `（localhost、127.0.0.1、[::1] 和 --host 给的名字），这样别的网站就读不到它。` +
    `要用这个名字预览，请用 --host 这个名字 启动 gazette dev；或者用 --host 0.0.0.0，` +
    `回应本机所有网卡上的地址和本机的名字。\n`,
};

const EN: UiText = {
  overlay: {
    heading: 'The build failed: fix and save, and the page reloads by itself.',
    count: '{total} problem(s): {errors} error(s), {warnings} warning(s).',
    stillServing: 'Until then, the site shows the pages of the last build that succeeded.',
    openTip: 'Click a file position to open the file in VS Code at that place.',
    error: 'Error',
    warning: 'Warning',
    code: 'code {code}',
    position: ' (line {line}, column {column})',
    hint: 'To fix: ',
    close: 'Close',
  },
  htmlLang: 'en',
  noPageTitle: 'The site has not been built yet',
  noPage: "The site's first build failed: there is no page to show yet.",
  serverError: '500 Internal Server Error',
  notFound: '404 Not Found',
  refusedHost: (host) =>
    `gazette dev: refused a request for host ${JSON.stringify(host)}: the preview answers only ` +
    `the names of its own address (localhost, 127.0.0.1, [::1], the --host given), so that other ` +
    `sites cannot read it. To preview under this name, start gazette dev with --host set to it, or ` +
    `with --host 0.0.0.0 to answer on every interface, for the addresses and name of this machine.\n`,
};

export const uiText = (lang: Lang): UiText => (lang === 'en' ? EN : ZH);
