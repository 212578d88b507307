/**
 * What Nunjucks says went wrong in a template (problem GZ0401's `detail`), in Chinese where its
 * sentence is one of those it is known to say; any other is kept in its own words, quoted. The
 * names it gives (a filter, a template, a token) stay as written: they are the template's code.
 */
const SAID: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^filter not found: (.+)$/, (m) => `找不到过滤器“${m[1]}”`],
  [/^template not found: (.+)$/, (m) => `找不到模板文件“${m[1]}”`],
  [/^unknown block tag: (.+)$/, (m) => `不认识的标签“${m[1]}”`],
  [/^attempted to output null or undefined value$/, () => '要输出的值不存在（是 null 或 undefined）'],
  [/^Unable to call `(.+)`, which is undefined or falsey$/, (m) => `调用不了“${m[1]}”：它不存在`],
  [/^expected variable end$/, () => '缺少结束的“}}”'],
  [/^expected block end in (\w+) statement$/, (m) => `“${m[1]}”语句缺少结束的“%}”`],
  [
    /^parse(\w+): expected (.+), got end of file$/,
    (m) =>
      `“${m[1]?.toLowerCase()}”语句没有结束：到文件末尾也没有找到 ${m[2]?.replace(/, or /g, ', ').split(', ').join('、')}`,
  ],
  [/^unexpected token: (.+)$/, (m) => `这里不该出现“${m[1]}”`],
  [/^unexpected end of file$/, () => '模板没写完就到了文件末尾'],
  [/^the filter "(.+?)" failed on (.+?): (.+)$/, (m) => `过滤器“${m[1]}”处理不了 ${m[2]}：“${m[3]}”`],
];

export function templateDetailZh(detail: string): string {
  for (const [pattern, words] of SAID) {
    const m = pattern.exec(detail);
    if (m) return words(m);
  }
  return `模板引擎报告“${detail}”`;
}
