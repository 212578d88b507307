import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/markdown-it.js';
import { renderMarkdown } from '../../src/markdown/render-markdown.js';
import { makeSummary, SUMMARY_LENGTH } from '../../src/markdown/summary.js';

const length = (s: string) => [...s].length;

describe('makeSummary', () => {
  it('returns short text whole, joining paragraphs and collapsing spaces', () => {
    expect(makeSummary(['金华全力保障用工。', '  企业  开工。 '])).toBe('金华全力保障用工。 企业 开工。');
  });

  it('returns text of exactly the limit whole', () => {
    const text = '字'.repeat(SUMMARY_LENGTH);
    expect(makeSummary([text])).toBe(text);
  });

  it('cuts long text after the last sentence that fits', () => {
    const sentence = '金华市人民政府今天召开新闻发布会。'; // 17 characters
    const summary = makeSummary([sentence.repeat(10)]);
    expect(summary).toBe(sentence.repeat(7));
    expect(length(summary)).toBe(119);
    expect(length(summary)).toBeLessThanOrEqual(120);
  });

  it('cuts at ！ and ？ too, keeping a closing quote with its sentence', () => {
    const a = `${'甲'.repeat(50)}！`;
    const b = `他说：“${'乙'.repeat(50)}？”`;
    const c = `${'丙'.repeat(50)}。`;
    expect(makeSummary([a + b + c])).toBe(a + b);
  });

  it('cuts a long sentence without 。 between words and ends it with …', () => {
    const text = `${'金华全力保障用工先行'.repeat(11)} international cooperation 继续推进`;
    expect(makeSummary([text])).toBe(`${'金华全力保障用工先行'.repeat(11)}…`);
  });

  it('keeps a Latin word that ends exactly at the limit', () => {
    const text = `${'说'.repeat(115)}hello world。后面`;
    expect(makeSummary([text])).toBe(`${'说'.repeat(115)}hello…`);
  });

  it('cuts Chinese text anywhere when there is no sentence end', () => {
    const summary = makeSummary(['字'.repeat(200)]);
    expect(summary).toBe(`${'字'.repeat(120)}…`);
  });

  it('respects a custom limit', () => {
    expect(makeSummary(['第一句。第二句。第三句。'], 8)).toBe('第一句。第二句。');
  });

  it('never contains markup from the rendered body', () => {
    const md = createMarkdown();
    const body = `**金华**全力保障[用工](https://a.cn/)先行，\`开工\`有序。\n\n## 小标题\n\n${'企业复工复产。'.repeat(20)}`;
    const { html, paragraphs } = renderMarkdown(md, body);
    expect(html).toContain('<strong>金华</strong>');
    const summary = makeSummary(paragraphs);
    expect(summary).not.toContain('<');
    expect(summary).toBe(`金华全力保障用工先行，开工有序。${'企业复工复产。'.repeat(14)}`);
  });

  it('keeps a "<" the editor wrote as plain text (templates escape it)', () => {
    const { paragraphs } = renderMarkdown(createMarkdown(), '如果 a < b，则 <b>不是标签</b>。');
    expect(makeSummary(paragraphs)).toBe('如果 a < b，则 <b>不是标签</b>。');
  });

  // Regression (was a bug): a first "sentence" that is one long Latin word or number (a long URL-safe token, a serial
  // number) leaves nothing between words: cutBetweenWords steps back to 0 and the summary is just "…".
  it('never returns an empty summary for long text', () => {
    const summary = makeSummary(['a'.repeat(200)]);
    expect(summary).not.toBe('…');
    expect(summary.startsWith('a')).toBe(true);
  });
});
