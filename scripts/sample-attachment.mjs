// Writes the sample site's attachments (content/minsheng/files/laojiu-xiaoqu-qingdan.pdf and the two
// 信息公开 documents' under content/zhengce/files/): each a one-page PDF written by hand (no PDF library), small enough to commit, and valid: every object where the
// cross-reference table says it is. Its Chinese text is set in STSong-Light, one of the standard
// CJK fonts PDF readers provide themselves, so that no font need be embedded.
// Run `node scripts/sample-attachment.mjs` after changing the text; the same text gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DOCUMENTS = [
  {
    out: '../content/minsheng/files/laojiu-xiaoqu-qingdan.pdf',
    lines: [
      [20, '2022年市区老旧小区改造项目清单'],
      [12, '（示例文件，数据为虚构）'],
      [12, '1. 婺城区  城北街道  解放东路小区  住宅楼 36 幢'],
      [12, '2. 婺城区  城中街道  八一南街小区  住宅楼 28 幢'],
      [12, '3. 金东区  多湖街道  光南小区      住宅楼 41 幢'],
      [12, '4. 开发区  三江街道  环城南路小区  住宅楼 19 幢'],
      [12, '金华市住房和城乡建设局  2022 年 3 月'],
    ],
  },
  {
    out: '../content/zhengce/files/jiuye-chuangye-butie.pdf',
    lines: [
      [20, '金华市就业创业补贴申领指南'],
      [12, '（示例文件，内容为虚构）'],
      [12, '1. 一次性扩岗补助：每人 1000 元，向参保地人力社保部门申领'],
      [12, '2. 一次性创业补贴：5000 元，经营满 1 年后申领'],
      [12, '3. 创业担保贷款：个人最高 50 万元，按规定贴息'],
      [12, '金华市人力资源和社会保障局  2022 年 2 月'],
    ],
  },
  {
    out: '../content/zhengce/files/zhongda-jianshe-jihua.pdf',
    lines: [
      [20, '2022年金华市重大建设项目计划表'],
      [12, '（示例文件，数据为虚构）'],
      [12, '1. 交通基础设施  金义东市域轨道交通后续工程'],
      [12, '2. 产业发展      金华新能源汽车零部件产业园'],
      [12, '3. 社会民生      市中心医院新院区二期'],
      [12, '4. 生态环保      婺江流域综合治理工程'],
      [12, '金华市发展和改革委员会  2022 年 3 月'],
    ],
  },
];

/** Text in the font's encoding (UniGB-UCS2-H): UTF-16BE, as a hex string. */
const hex = (text) => `<${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

function pdfOf(LINES) {
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
      Buffer.from(LINES[0][1], 'utf16le').swap16().toString('hex').toUpperCase() +
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

  return Buffer.from(pdf, 'latin1');
}

for (const { out, lines } of DOCUMENTS) {
  const file = fileURLToPath(new URL(out, import.meta.url));
  const bytes = pdfOf(lines);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`wrote ${path.relative(process.cwd(), file)} (${bytes.length} bytes)`);
}
