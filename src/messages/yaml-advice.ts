import type { Values } from './types.js';

/**
 * What to do about a YAML mistake, by kind: the parser's own words say what it saw, these say how to
 * fix it. Chosen in src/yaml/parse-yaml.ts from the line that failed; worded here.
 */
export type Advice =
  | 'duplicateKey'
  | 'tabIndent'
  | 'badIndent'
  | 'closingQuote'
  | 'quoteColon'
  | 'tooDeep'
  | 'fullWidthIndent'
  | 'fullWidthAfterColon'
  | 'fullWidthColon'
  | 'bracket'
  | 'rules';

export const ADVICE: Record<Advice, { en: (v: Values) => string; zh: (v: Values) => string }> = {
  duplicateKey: {
    en: () => 'each field may appear once; delete one of them',
    zh: () => '每个字段只能写一次，删掉其中一行',
  },
  tabIndent: { en: () => 'indent with spaces, not tabs', zh: () => '缩进请用空格，不要用 Tab 键' },
  badIndent: {
    en: () => 'check the indentation: nested items need the same number of spaces',
    zh: () => '检查缩进：同一层的各项前面的空格数要相同',
  },
  closingQuote: {
    en: () => 'a quoted value needs its closing quote',
    zh: () => '内容用引号开头，结尾也要补上同样的引号',
  },
  quoteColon: {
    en: () => 'a value that contains ": " must be quoted',
    zh: () => "内容里有“英文冒号加空格”时，要给整个内容加引号，如 title: '通知: 重要'",
  },
  tooDeep: {
    en: () => 'write the value with fewer levels of lists and mappings',
    zh: () => '减少列表和字段嵌套的层数',
  },
  fullWidthIndent: {
    en: () => 'the line is indented with a full-width space "　" (U+3000): indent with ordinary spaces',
    zh: () => '这一行开头是全角空格“　”：删掉它，需要缩进时用半角空格',
  },
  fullWidthAfterColon: {
    en: () => 'put an ordinary space after the colon, not a full-width space "　" (U+3000)',
    zh: () => '冒号后面要用半角空格，不能用全角空格“　”',
  },
  fullWidthColon: {
    en: () =>
      'use an ASCII colon and a space between field and value ("title: 标题"), not the full-width "："',
    zh: () => '字段名和内容之间要用英文冒号加空格（title: 标题），不能用中文冒号“：”',
  },
  bracket: {
    en: (v) =>
      `a value that starts with "${v.opening}" is read as a ${v.opening === '[' ? 'list' : 'mapping'}${v.unclosed ? ` and needs its closing "${v.opening === '[' ? ']' : '}'}"` : ''}; if the bracket is part of the text, put the value in quotes, e.g. title: "[视频] 标题"`,
    zh: (v) =>
      `以“${v.opening}”开头的内容会被当作${v.opening === '[' ? '列表' : '字段组'}${v.unclosed ? `，必须有配对的“${v.opening === '[' ? ']' : '}'}”` : ''}；如果括号是文字的一部分，请给整个内容加引号，如 title: "[视频] 标题"`,
  },
  rules: {
    en: () => 'see the YAML rules in docs/编辑指南.md',
    zh: () => '写法规则见 docs/编辑指南.md 第八节',
  },
};

/**
 * What YAML makes of a value that starts with one of its indicator characters (problem GZ0718),
 * which an editor means as text: a hashtag (`#衢州#`), an @ mention, `*` or `&` before a name.
 */
export const INDICATOR_MEANING: Readonly<Record<string, { en: string; zh: string }>> = {
  '#': {
    en: 'which YAML reads as the start of a comment: the rest of the line is left out, and the value is empty',
    zh: '而 YAML 把“#”和它后面的文字当作注释略去，这一项就成了空的',
  },
  '@': {
    en: 'which YAML reserves: a value may not start with it',
    zh: '而“@”是 YAML 的保留字符，内容不能以它开头',
  },
  '`': {
    en: 'which YAML reserves: a value may not start with it',
    zh: '而“`”是 YAML 的保留字符，内容不能以它开头',
  },
  '*': {
    en: 'which YAML reads as an alias (a reference to a value named with "&")',
    zh: '而 YAML 把它当作别名，去找前面用“&”起过这个名字的内容',
  },
  '&': {
    en: 'which YAML reads as an anchor (a name for the value after it), left out of the text',
    zh: '而 YAML 把它当作锚点（给后面的内容起的名字），“&”和这个名字都不会出现在文字里',
  },
  '!': {
    en: 'which YAML reads as a tag (the type of the value), left out of the text',
    zh: '而 YAML 把它当作标记（内容的类型），它不会出现在文字里',
  },
  '%': { en: 'which YAML reads as a directive', zh: '而 YAML 把它当作指令' },
  '|': {
    en: 'which YAML reads as the start of a block of lines',
    zh: '而 YAML 把它当作多行文字块的开头',
  },
  '>': {
    en: 'which YAML reads as the start of a folded block of lines',
    zh: '而 YAML 把它当作折叠多行文字块的开头',
  },
};
