// Writes the sample site's attachment, content/minsheng/files/laojiu-xiaoqu-qingdan.pdf: a one-page
// PDF written by hand (no PDF library), small enough to commit, and valid: every object where the
// cross-reference table says it is. Its Chinese text is set in STSong-Light, one of the standard
// CJK fonts PDF readers provide themselves, so that no font need be embedded.
// Run `node scripts/sample-attachment.mjs` after changing the text; the same text gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../content/minsheng/files/laojiu-xiaoqu-qingdan.pdf', import.meta.url));

const LINES = [
  [20, '2022年市区老旧小区改造项目清单'],
  [12, '（示例文件，数据为虚构）'],
  [12, '1. 婺城区  城北街道  解放东路小区  住宅楼 36 幢'],
  [12, '2. 婺城区  城中街道  八一南街小区  住宅楼 28 幢'],
  [12, '3. 金东区  多湖街道  光南小区      住宅楼 41 幢'],
  [12, '4. 开发区  三江街道  环城南路小区  住宅楼 19 幢'],
  [12, '金华市住房和城乡建设局  2022 年 3 月'],
];

/** Text in the font's encoding (UniGB-UCS2-H): UTF-16BE, as a hex string. */
const hex = (text) => `<${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

let y = 780;
const content = [
  'BT',
  ...LINES.flatMap(([size, text], i) => {
    y -= i === 0 ? 0 : i === 1 ? 30 : 24;
    return [`/F1 ${size} Tf`, `1 0 0 1 60 ${y} Tm`, `${hex(text)} Tj`];
  }),
  'ET',
].join('\n');

const objects = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
  '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
  '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  '<< /Title <FEFF' +
    Buffer.from('2022年市区老旧小区改造项目清单', 'utf16le').swap16().toString('hex').toUpperCase() +
    '> /Producer (gazette sample) >>',
];

// Binary-marked header (a comment of bytes above 127), as the spec advises for files with binary data.
let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
const offsets = [];
objects.forEach((body, i) => {
  offsets.push(Buffer.byteLength(pdf, 'latin1'));
  pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
});
const xref = Buffer.byteLength(pdf, 'latin1');
pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 8 0 R >>\nstartxref\n${xref}\n%%EOF\n`;

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, Buffer.from(pdf, 'latin1'));
console.log(`wrote ${path.relative(process.cwd(), OUT)} (${Buffer.byteLength(pdf, 'latin1')} bytes)`);
