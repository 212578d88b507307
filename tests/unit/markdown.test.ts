import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/markdown-it.js';
import { renderMarkdown } from '../../src/markdown/render-markdown.js';

const md = createMarkdown();
const html = (text: string) => renderMarkdown(md, text).html;

describe('renderMarkdown', () => {
  it('makes CJK emphasis next to full-width punctuation bold', () => {
    expect(html('**“开门红”**，')).toBe('<p><strong>“开门红”</strong>，</p>\n');
    expect(html('这是*强调*。')).toBe('<p>这是<em>强调</em>。</p>\n');
  });

  it('escapes raw HTML', () => {
    const out = html('<script>alert(1)</script>\n\n段落 <b onclick="x()">粗</b>');
    expect(out).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>段落 &lt;b onclick=&quot;x()&quot;&gt;粗&lt;/b&gt;</p>\n',
    );
    expect(out).not.toContain('<script');
  });

  it('escapes HTML comments', () => {
    expect(html('<!-- 注释 -->')).toBe('<p>&lt;!-- 注释 --&gt;</p>\n');
  });

  it('renders a normal link', () => {
    expect(html('[金华](https://a.cn/?a=1&b=2)')).toBe(
      '<p><a href="https://a.cn/?a=1&amp;b=2">金华</a></p>\n',
    );
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](&#x6A;avascript:alert(1))',
    '[x](javascript&colon;alert(1))',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](vbscript:msgbox(1))',
    '[x](file:///etc/passwd)',
    '<javascript:alert(1)>',
    '[x][1]\n\n[1]: javascript:alert(1)',
    '![x](javascript:alert(1))',
  ])('does not make a link or image of %j', (text) => {
    const out = html(text);
    expect(out).not.toMatch(/<a |<img |href=|src=/);
    expect(out).not.toContain('<script');
  });

  it('renders an unsafe link as its own text', () => {
    expect(html('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>\n');
  });

  it('renders a GFM table', () => {
    expect(html('| 项目 | 数量 |\n| --- | ---: |\n| 企业 | 12 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>项目</th>\n<th style="text-align:right">数量</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td>企业</td>\n<td style="text-align:right">12</td>\n</tr>\n</tbody>\n</table>\n',
    );
  });

  it('gives headings pinyin ids', () => {
    expect(html('## 保障用工谋划早')).toBe('<h2 id="bao-zhang-yong-gong-mou-hua-zao">保障用工谋划早</h2>\n');
  });

  it('numbers repeated heading ids and names empty ones', () => {
    expect(html('## 要闻\n\n## 要闻\n\n## ！！！')).toBe(
      '<h2 id="yao-wen">要闻</h2>\n<h2 id="yao-wen-1">要闻</h2>\n<h2 id="section">！！！</h2>\n',
    );
  });

  it('is pure: rendering twice gives the same ids', () => {
    expect(html('## 要闻')).toBe(html('## 要闻'));
    expect(html('## 要闻')).toBe('<h2 id="yao-wen">要闻</h2>\n');
  });

  it('leaves template syntax as text', () => {
    expect(html('{{ 1+1 }} {% if x %}是{% endif %}')).toBe('<p>{{ 1+1 }} {% if x %}是{% endif %}</p>\n');
  });

  it('does not turn bare URLs into links', () => {
    expect(html('见 https://a.cn/')).toBe('<p>见 https://a.cn/</p>\n');
  });

  it('collects the text of top-level paragraphs only', () => {
    const r = renderMarkdown(
      md,
      '## 标题\n\n第一段，**加粗**。\n第二行\n\n> 引用\n\n- 列表\n\n第二段 `代码`。',
    );
    expect(r.paragraphs).toEqual(['第一段，加粗。 第二行', '第二段 代码。']);
  });

  it('collects an image as its alt text', () => {
    expect(renderMarkdown(md, '![金华夜景](https://a.cn/a.jpg)').paragraphs).toEqual(['金华夜景']);
  });
});
