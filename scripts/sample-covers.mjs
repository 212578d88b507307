// Draws the sample site's cover pictures (content/*/images/*-cover.png): flat-colour scenes made of
// rectangles, triangles and circles, written as PNG with node:zlib alone, so that no image library or
// tool is needed. The pictures are committed; run `node scripts/sample-covers.mjs` to draw them again.
// Their sizes differ on purpose (16:9, 4:3, 3:2, 1:1): the theme must keep each one's own shape.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const hex = (c) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));

/** A canvas of RGB pixels with the few shapes the scenes need. */
function canvas(width, height) {
  const px = new Uint8Array(width * height * 3);
  const set = (x, y, rgb) => px.set(rgb, (y * width + x) * 3);
  return {
    width,
    height,
    px,
    /** A vertical gradient from `top` to `bottom` over rows y0..y1. */
    sky(top, bottom, y0 = 0, y1 = height) {
      const [a, b] = [hex(top), hex(bottom)];
      for (let y = y0; y < y1; y++) {
        const t = (y - y0) / Math.max(1, y1 - y0 - 1);
        const rgb = a.map((v, i) => Math.round(v + (b[i] - v) * t));
        for (let x = 0; x < width; x++) set(x, y, rgb);
      }
    },
    rect(x0, y0, w, h, color) {
      const rgb = hex(color);
      for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++)
        for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) set(x, y, rgb);
    },
    circle(cx, cy, r, color) {
      const rgb = hex(color);
      for (let y = Math.max(0, cy - r); y < Math.min(height, cy + r + 1); y++)
        for (let x = Math.max(0, cx - r); x < Math.min(width, cx + r + 1); x++)
          if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) set(x, y, rgb);
    },
    /** A triangle with a flat base at `base`, its apex at (ax, ay), from x0 to x1. */
    peak(x0, x1, ax, ay, base, color) {
      const rgb = hex(color);
      for (let y = Math.max(0, ay); y < Math.min(height, base); y++) {
        const t = (y - ay) / Math.max(1, base - ay);
        const from = Math.round(ax + (x0 - ax) * t);
        const to = Math.round(ax + (x1 - ax) * t);
        for (let x = Math.max(0, from); x < Math.min(width, to); x++) set(x, y, rgb);
      }
    },
  };
}

function png(c) {
  const raw = Buffer.alloc((c.width * 3 + 1) * c.height);
  for (let y = 0; y < c.height; y++)
    raw.set(c.px.subarray(y * c.width * 3, (y + 1) * c.width * 3), y * (c.width * 3 + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(c.width, 0);
  header.writeUInt32BE(c.height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Each scene: where it is written, its size, and how it is drawn. */
const SCENES = [
  {
    // 重大项目集中开工: a building site with a tower crane.
    file: 'content/yaowen/images/zhongda-xiangmu-cover.png',
    size: [800, 450],
    draw(c) {
      c.sky('#8fb8e0', '#e9f1f8', 0, 330);
      c.rect(0, 330, 800, 120, '#7a9a55');
      c.peak(0, 520, 260, 340, 450, '#c89f5a');
      c.rect(120, 210, 150, 130, '#eeeeee');
      c.rect(300, 170, 120, 170, '#b7c3cb');
      c.rect(470, 110, 20, 230, '#e0ac35');
      c.rect(430, 110, 280, 16, '#e0ac35');
      c.rect(690, 126, 4, 100, '#444444');
      c.rect(676, 226, 32, 20, '#666666');
      c.rect(560, 300, 110, 40, '#a0141e');
      c.circle(700, 70, 34, '#fff6d8');
    },
  },
  {
    // 电动自行车安全充电: a charging cabinet under a shelter (4:3).
    file: 'content/zhishi/images/diandongche-chongdian-cover.png',
    size: [640, 480],
    draw(c) {
      c.sky('#cfe3f2', '#f6f9fc', 0, 360);
      c.rect(0, 360, 640, 120, '#9aa3a8');
      c.rect(60, 90, 520, 24, '#2f6f9f');
      c.rect(80, 114, 12, 246, '#2f6f9f');
      c.rect(548, 114, 12, 246, '#2f6f9f');
      c.rect(140, 180, 120, 180, '#2e8b57');
      for (let i = 0; i < 4; i++) c.rect(160, 200 + i * 38, 80, 26, '#d9f2e3');
      c.circle(380, 330, 30, '#333333');
      c.circle(500, 330, 30, '#333333');
      c.rect(380, 280, 120, 16, '#a0141e');
      c.rect(470, 240, 12, 44, '#555555');
    },
  },
  {
    // 返乡包车专线: a coach on a street.
    file: 'content/minsheng/images/chunyun-zhuanxian-cover.png',
    size: [800, 450],
    draw(c) {
      c.sky('#a9cde8', '#f1f6fb', 0, 300);
      c.rect(0, 300, 800, 150, '#6f7479');
      for (let x = 20; x < 800; x += 120) c.rect(x, 372, 60, 8, '#f4f4f4');
      c.rect(40, 140, 120, 160, '#d8cfc2');
      c.rect(620, 120, 150, 180, '#cfd8de');
      c.rect(200, 180, 400, 120, '#1f7a4d');
      for (let i = 0; i < 5; i++) c.rect(216 + i * 72, 196, 56, 44, '#dff0fa');
      c.rect(200, 262, 400, 10, '#f2c230');
      c.circle(280, 304, 26, '#222222');
      c.circle(520, 304, 26, '#222222');
    },
  },
  {
    // 方言有声档案: a microphone in a studio (square).
    file: 'content/yuyan/images/fangyan-dangan-cover.png',
    size: [480, 480],
    draw(c) {
      c.sky('#f3e6d6', '#fbf7f1');
      c.rect(0, 380, 480, 100, '#8a5a3b');
      c.circle(240, 150, 70, '#555555');
      c.rect(170, 150, 140, 70, '#555555');
      c.circle(240, 220, 70, '#555555');
      c.rect(232, 290, 16, 90, '#333333');
      c.rect(170, 372, 140, 14, '#333333');
      for (let i = 0; i < 5; i++) c.rect(40 + i * 14, 200 - i * 16, 8, 40 + i * 32, '#a0141e');
    },
  },
  {
    // 先进制造业: a factory with chimneys (3:2).
    file: 'content/jingji/images/zhizao-zhengce-cover.png',
    size: [720, 480],
    draw(c) {
      c.sky('#b9d3ea', '#eef4f9', 0, 360);
      c.rect(0, 360, 720, 120, '#8d9a6b');
      c.rect(80, 200, 560, 160, '#c5ccd3');
      for (let i = 0; i < 4; i++) c.peak(80 + i * 140, 220 + i * 140, 220 + i * 140, 140, 200, '#9aa6b1');
      c.rect(560, 60, 36, 140, '#7d5a4a');
      c.circle(590, 40, 24, '#ffffff');
      for (let i = 0; i < 6; i++) c.rect(110 + i * 86, 250, 50, 50, '#2f6f9f');
      c.rect(330, 300, 60, 60, '#a0141e');
    },
  },
  {
    // 老旧小区改造: homes of a residential block after renovation (16:9).
    file: 'content/minsheng/images/laojiu-xiaoqu-cover.png',
    size: [800, 450],
    draw(c) {
      c.sky('#9fc6e6', '#eef5fb', 0, 340);
      c.rect(0, 340, 800, 110, '#6e9a52');
      c.rect(90, 120, 260, 220, '#e9dcc8');
      c.rect(430, 80, 280, 260, '#f0e6d6');
      for (let r = 0; r < 4; r++)
        for (let k = 0; k < 4; k++) {
          c.rect(110 + k * 60, 140 + r * 48, 36, 30, '#7fa7c7');
          c.rect(450 + k * 66, 100 + r * 58, 40, 36, '#7fa7c7');
        }
      c.rect(540, 300, 60, 40, '#a0141e');
      c.circle(60, 330, 40, '#4f7f3a');
      c.circle(760, 330, 40, '#4f7f3a');
    },
  },
];

for (const scene of SCENES) {
  const c = canvas(...scene.size);
  scene.draw(c);
  await writeFile(path.join(ROOT, scene.file), png(c));
}
