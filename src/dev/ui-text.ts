/**
 * Every word the dev server shows in the browser, in one place (the problems' own messages and hints
 * come from the diagnostics). `{name}` is filled in by the page.
 */
export const UI_TEXT = {
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
  /** The page served while no build has succeeded yet (the error screen shows over it). */
  noPageTitle: '网站还没有生成成功',
  noPage: '网站第一次生成就出错了，还没有可以显示的页面。',
} as const;

export type UiText = typeof UI_TEXT;
