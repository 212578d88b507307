import { run } from 'zhlint';
import { type Diagnostic, problem } from '../errors/diagnostic.js';
import type { AuditText } from './audit-input.js';
import { proseToLint } from './prose-to-lint.js';
import { near, positionsIn } from './text-position.js';

/**
 * zhlint's rules as a government site's texts are written (GB/T 15834, 党政机关 and 新华社 style):
 * its default preset, but
 * - brackets too are full-width in Chinese text, and “” ‘’ take no space around them;
 * - no space between Chinese and Latin letters or figures (`60余名`, `5G网络`), where zhlint's
 *   default asks for one.
 */
const RULES = {
  preset: 'default',
  halfwidthPunctuation: '',
  fullwidthPunctuation: '，。：；？！“”‘’（）',
  adjustedFullwidthPunctuation: '',
  spaceBetweenMixedwidthContent: false,
};
const QUIET = { log() {}, warn() {}, error() {} } as unknown as Console;
const BODY = { rules: RULES, logger: QUIET };
/**
 * A title is plain text (zhlint's Markdown parser would take `1. ` or `# ` in it for syntax), and
 * a space between its phrases is a headline's own style (`推普助力乡村振兴 金华开班`).
 */
const TITLE = {
  rules: {
    ...RULES,
    noSpaceBetweenFullwidthContent: false,
    noSpaceOutsideFullwidthQuotation: false,
    noSpaceOutsideFullwidthBracket: false,
  },
  logger: QUIET,
  hyperParse: ['ignore'],
};

/** zhlint's messages (it words them in Chinese only), in English; the Chinese without its “此处”. */
const ENGLISH: Readonly<Record<string, string>> = {
  此处内联代码的外部需要一个空格: 'a space is needed outside inline code',
  此处内联代码的外部不需要空格: 'no space is needed outside inline code',
  '此处 Markdown 标记的空格需要在外部': 'the space belongs outside the Markdown mark',
  '此处 Markdown 标记的内部不需要空格': 'no space inside the Markdown mark',
  此处字符需要统一: 'the character should be unified',
  此处标点符号需要统一到繁体: 'punctuation should be traditional',
  此处标点符号需要统一到简体: 'punctuation should be simplified',
  此处标点符号需要使用全角: 'punctuation should be full-width',
  此处标点符号需要使用半角: 'punctuation should be half-width',
  此处标点符号前不需要空格: 'no space before the punctuation',
  此处标点符号后不需要空格: 'no space after the punctuation',
  此处标点符号后需要一个空格: 'a space is needed after the punctuation',
  此处括号的内部不需要空格: 'no space inside the brackets',
  此处括号的外部不需要空格: 'no space outside the brackets',
  此处括号的外部需要一个空格: 'a space is needed outside the brackets',
  此处半角内容之间需要一个空格: 'a space is needed between half-width words',
  此处全角内容之间不需要空格: 'no space between full-width characters',
  // zhlint words both ways of this rule alike; with the rule set to no space, it means that.
  此处中英文内容之间需要一个空格: 'no space between Chinese and Latin letters or figures',
  此处引号的内部不需要空格: 'no space inside the quotation marks',
  此处引号的外部不需要空格: 'no space outside the quotation marks',
  此处引号的外部需要一个空格: 'a space is needed outside the quotation marks',
  此处需要去除外部空格: 'spaces around it should be removed',
  引号未闭合: 'a quotation mark is not closed',
  括号未闭合: 'a bracket is not closed',
  引号未匹配: 'a quotation mark closes none',
  括号未匹配: 'a bracket closes none',
};

const CHINESE: Readonly<Record<string, string>> = {
  此处中英文内容之间需要一个空格: '中文与英文字母、数字之间不加空格',
};

/** Chinese typography of titles and bodies (Markdown), as warnings at their place in the file. */
export function typographyFindings(texts: readonly AuditText[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const text of texts) {
    const at = positionsIn(text);
    for (const block of proseToLint(text.text)) {
      for (const v of run(block.text, text.kind === 'title' ? TITLE : BODY).validations) {
        const start = block.from + v.index;
        // A missing or extra space is after the token zhlint names: point at the space.
        const offset = v.target === 'spaceAfter' ? start + v.length : start;
        found.push(
          problem(
            'GZ0905',
            text.file,
            at(offset),
            {
              zh: CHINESE[v.message] ?? v.message.replace(/^此处\s*/, ''),
              en: ENGLISH[v.message] ?? v.message,
              near: near(text.text, start, start + Math.max(v.length, 1)),
            },
            'warning',
          ),
        );
      }
    }
  }
  return found;
}
