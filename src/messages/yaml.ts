import type { Entry, Values } from './types.js';
import { ADVICE, type Advice, INDICATOR_MEANING } from './yaml-advice.js';

/** "front matter" or "site.yaml", as the YAML stage names what it reads. */
const whatZh = (v: Values) => (v.what === 'site.yaml' ? 'site.yaml' : '文章信息');

/** What the YAML parser said, in Chinese where gazette knows the kind (by the parser's error code). */
const SAID: Record<string, string> = {
  DUPLICATE_KEY: '同一个字段写了两次',
  TAB_AS_INDENT: '缩进里有 Tab',
  BAD_INDENT: '缩进不对',
  MISSING_CHAR: '缺少配对的引号或括号',
  BLOCK_AS_IMPLICIT_KEY: '这一行的写法读不懂',
  MULTILINE_IMPLICIT_KEY: '字段名后面缺少英文冒号和空格，或者内容跨了行',
  RESOURCE_EXHAUSTION: '列表或字段嵌套得太深',
};

const advice = (v: Values, lang: 'en' | 'zh') => ADVICE[(v.advice as Advice) ?? 'rules']?.[lang](v);

/**
 * A value that breaks its schema's rule (src/yaml/issue-values.ts gives its values): the schema's
 * English sentence, and in Chinese the words for its kind. Shared by site.yaml and front matter
 * (GZ0712) and by the values `gazette init` is given for site.yaml (GZ0814).
 */
export const SCHEMA_ISSUE: Entry = {
  en: (v) => ({ message: String(v.detail) }),
  zh: (v) => {
    const hint = [
      v.example ? `可以这样写：${v.example}` : '',
      v.guess
        ? `是不是想写“${v.guess}”？`
        : v.known
          ? `可以用的字段有：${String(v.known).split(', ').join('、')}`
          : '',
      v.kind === 'type:string' && (v.received === 'number' || v.received === 'boolean')
        ? '数字或 true、false 要当作文字时，请加上英文引号，如 "2024"'
        : '',
    ]
      .filter(Boolean)
      .join('；');
    const words = ISSUE_ZH[String(v.kind)]?.(v) ?? `“${v.field}”的内容不对，检查结果是“${v.detail}”`;
    return { message: words, ...(hint && { hint }) };
  },
};

/** GZ07xx: YAML, in an article's front matter and in site.yaml alike. */
export const YAML = {
  GZ0701: {
    en: (v) => ({ message: `invalid YAML: ${v.detail}`, hint: advice(v, 'en') }),
    zh: (v) => ({
      message: `YAML 写法有误：${SAID[String(v.yamlCode)] ?? `解析器报告“${v.detail}”`}`,
      hint: advice(v, 'zh'),
    }),
  },
  GZ0702: {
    en: (v) => ({
      message: `invalid YAML: tags like ${v.tag} are not supported; nothing in ${v.what} is ever run`,
      hint: 'delete the tag and write the value alone',
    }),
    zh: (v) => ({
      message: `YAML 写法有误：不支持 ${v.tag} 这样的标记，${whatZh(v)}里的内容不会被执行`,
      hint: '删掉这个标记，只写内容',
    }),
  },
  GZ0703: {
    en: (v) => ({
      message: `${v.what} must be a list of "key: value" lines, but this is ${v.kind}`,
      hint: v.advice ? advice(v, 'en') : 'write one field per line, like "title: 标题"',
    }),
    zh: (v) => ({
      message: `${whatZh(v)}必须是一行一个“字段名: 内容”，这里却是${v.kind === 'a list' ? '一个列表' : '一句话'}`,
      hint: v.advice ? advice(v, 'zh') : '每行写一个字段，如 title: 标题',
    }),
  },
  GZ0704: {
    en: (v) => ({
      message: `${v.what} uses too many YAML aliases (*name)`,
      hint: 'write the values out instead of repeating aliases',
    }),
    zh: (v) => ({
      message: `${whatZh(v)}里用了太多 YAML 别名（*名字）`,
      hint: '把内容直接写出来，不要反复引用别名',
    }),
  },
  GZ0705: {
    en: (v) => ({
      message: `invalid YAML: lists or mappings are nested more than ${v.max} levels deep`,
      hint: 'write the value with fewer levels of lists and mappings',
    }),
    zh: (v) => ({ message: `YAML 写法有误：列表或字段嵌套超过了 ${v.max} 层`, hint: '减少嵌套的层数' }),
  },
  GZ0706: {
    en: () => ({
      message: 'invalid YAML: Map keys must be unique',
      hint: 'each field may appear once; delete one of them',
    }),
    zh: () => ({ message: 'YAML 写法有误：同一个字段写了两次', hint: '每个字段只能写一次，删掉其中一行' }),
  },
  GZ0707: {
    en: () => ({
      message: 'invalid YAML: the line is indented with a full-width space "　" (U+3000)',
      hint: 'indent with ordinary spaces, or not at all for a top-level field',
    }),
    zh: () => ({
      message: 'YAML 写法有误：这一行开头是全角空格“　”',
      hint: '删掉它：第一层的字段顶格写，需要缩进时用半角空格',
    }),
  },
  GZ0708: {
    en: () => ({
      message: 'invalid YAML: a field name cannot be a list or a mapping',
      hint: 'a line that starts with "{" or "[" is read as one: put the whole line in quotes, or remove the brackets',
    }),
    zh: () => ({
      message: 'YAML 写法有误：字段名不能是列表或字段组',
      hint: '以“{”或“[”开头的一行会被这样理解：给整行加引号，或者去掉括号',
    }),
  },
  GZ0709: {
    en: (v) => ({
      message: `the required field "${v.field}" is missing`,
      hint: v.example ? `add a line like "${v.example}"` : `add it to the ${v.what}`,
    }),
    zh: (v) => ({
      message: `缺少必填的字段“${v.field}”`,
      hint: v.example ? `加一行，如“${v.example}”` : `把它加到${whatZh(v)}里`,
    }),
  },
  GZ0710: {
    en: (v) => ({
      message: `the required field "${v.field}" is missing`,
      hint: `the key "${v.key}" on this line contains an invisible ${v.invisible}: delete the key and type "${v.field}" again`,
    }),
    zh: (v) => ({
      message: `缺少必填的字段“${v.field}”`,
      hint: `这一行的字段名“${v.key}”里夹着一个看不见的字符 ${v.invisible}：删掉这个字段名，重新输入“${v.field}”`,
    }),
  },
  GZ0711: {
    en: (v) => ({ message: `"${v.field}" is empty`, hint: `write a value after "${v.field}:"` }),
    zh: (v) => ({ message: `“${v.field}”是空的`, hint: `在“${v.field}:”后面写上内容` }),
  },
  GZ0712: SCHEMA_ISSUE,
  GZ0713: {
    en: (v) => ({
      message: `unknown ${v.what} key "${v.key}"`,
      hint: v.invisible
        ? `it contains an invisible ${v.invisible}: delete the key and type it again${v.guess ? ` as "${v.guess}"` : ''}`
        : v.guess
          ? `did you mean "${v.guess}"?`
          : `known keys: ${v.known}`,
    }),
    zh: (v) => ({
      message: `${whatZh(v)}里没有“${v.key}”这个字段`,
      hint: v.invisible
        ? `字段名里夹着一个看不见的字符 ${v.invisible}：删掉它，重新输入${v.guess ? `“${v.guess}”` : ''}`
        : v.guess
          ? `是不是想写“${v.guess}”？`
          : `可以用的字段有：${String(v.known).split(', ').join('、')}`,
    }),
  },
  GZ0714: {
    en: (v) => ({
      message: `invisible control character ${v.char} (${v.name}) ${v.replaced ? 'replaced by a space' : 'dropped'}${Number(v.more) > 0 ? `, with ${v.more} more after it` : ''}`,
      hint: 'delete it here: pages and feeds cannot show it',
    }),
    zh: (v) => ({
      message: `这里有一个看不见的控制字符 ${v.char}（${v.name}），已${v.replaced ? '换成空格' : '去掉'}${Number(v.more) > 0 ? `，后面还有 ${v.more} 个` : ''}`,
      hint: '请在这里删掉它：网页和订阅都显示不了这种字符',
    }),
  },
  GZ0715: {
    en: (v) => ({
      message: `"${v.meant}" is not a known field; did you mean "${v.field}"? (the required field "${v.field}" is missing)`,
      hint: `rename it to "${v.field}"`,
    }),
    zh: (v) => ({
      message: `没有“${v.meant}”这个字段，是不是想写“${v.field}”？（必填的字段“${v.field}”缺了）`,
      hint: `把它改成“${v.field}”`,
    }),
  },
  GZ0716: {
    en: (v) => ({
      message: `invalid YAML: the colon after "${v.key}" must be followed by a space`,
      hint: `write a space after the colon${renamedEn(v)}: "${v.written}"`,
    }),
    zh: (v) => ({
      message: `YAML 写法有误：“${v.key}”后面的冒号和内容之间缺一个空格，这一行会被当成一段文字`,
      hint: `在英文冒号后面加一个空格${renamedZh(v)}，写成 ${v.written}`,
    }),
  },
  GZ0717: {
    en: (v) => ({
      message: `invalid YAML: "${v.key}" is followed by a full-width colon "："`,
      hint: `use the ASCII colon followed by a space${renamedEn(v)}: "${v.written}"`,
    }),
    zh: (v) => ({
      message: `YAML 写法有误：“${v.key}”后面用了中文冒号“：”`,
      hint: `字段名和内容之间要用英文冒号“:”再加一个空格${renamedZh(v)}，写成 ${v.written}`,
    }),
  },
  GZ0718: {
    en: (v) => ({
      message: `${v.key ? `the value of "${v.key}"` : 'the value'} starts with "${v.indicator}", ${INDICATOR_MEANING[String(v.indicator)]?.en ?? ''}`,
      hint: `put the value in quotes: ${v.written}`,
    }),
    zh: (v) => ({
      message: `${v.key ? `“${v.key}”的内容` : '这一项内容'}以“${v.indicator}”开头，${INDICATOR_MEANING[String(v.indicator)]?.zh ?? '而 YAML 会另作理解'}`,
      hint: `给内容加上英文引号，写成 ${v.written}`,
    }),
  },
} satisfies Record<string, Entry>;

/**
 * A schema's issue (src/yaml/issue-values.ts) in Chinese, by its kind; a kind not here is shown with
 * the schema's English words.
 */
const ISSUE_ZH: Record<string, (v: Values) => string> = {
  'type:string': (v) => `“${v.field}”必须是文字`,
  'type:boolean': (v) => `“${v.field}”只能是 true 或 false（不加引号）`,
  'type:number': (v) => `“${v.field}”必须是整数`,
  'type:int': (v) => `“${v.field}”必须是整数`,
  'type:array': (v) => `“${v.field}”必须是列表`,
  'type:object': (v) => `“${v.field}”必须是一组“字段名: 内容”`,
  'too_small:string': (v) => `“${v.field}”不能是空的`,
  'too_small:number': (v) => `“${v.field}”至少是 ${v.limit}`,
  'too_small:array': (v) => `“${v.field}”至少要列 ${v.limit} 项`,
  'too_big:number': (v) => `“${v.field}”最多是 ${v.limit}`,
  invalid_union: (v) => `“${v.field}”的写法不对`,
  unrecognized_keys: (v) =>
    v.key
      ? `“${v.field}”里没有“${v.key}”这个字段`
      : `“${v.field}”里没有 ${String(v.keys).split(', ').join('、')} 这样的字段`,
  'custom:slug': (v) => `“${v.field}”只能用小写字母 a-z、数字 0-9 和“-”“_”“.”`,
  'custom:categorySlug': () => '栏目的网址名（slug）只能用小写字母 a-z、数字 0-9 和“-”',
  'custom:policeDigits': (v) => `“${v.field}”必须是公安备案号里的数字（6 到 20 位）`,
  'custom:baseUrl': (v) =>
    `“${v.field}”必须是以 http:// 或 https:// 开头的完整网址，不能带“?”或“#”后面的部分`,
  'custom:timeZone': (v) => `“${v.field}”不是有效的时区名（IANA 时区）`,
};

/** The field's own name, when the editor wrote another (标题：金华 → title: 金华). */
const renamedEn = (v: Values) => (v.field ? `, and the field's name "${v.field}"` : '');
const renamedZh = (v: Values) => (v.field ? `，字段名要写成“${v.field}”` : '');
