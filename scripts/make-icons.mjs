// Draws the toolbar icon (a card with text lines on a fjord-blue tile) as PNGs.
// Procedural so that the icon is reproducible and needs no image tools: `node scripts/make-icons.mjs`.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { crc32 } from './zip.mjs';

const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const ss = 4; // supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const [r, g, b, a] = pixel((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          acc = [acc[0] + r * a, acc[1] + g * a, acc[2] + b * a, acc[3] + a];
        }
      const a = acc[3] / (ss * ss);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(acc[0] / acc[3]) : 0;
      raw[o + 1] = a ? Math.round(acc[1] / acc[3]) : 0;
      raw[o + 2] = a ? Math.round(acc[2] / acc[3]) : 0;
      raw[o + 3] = Math.round(a * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const tile = [31, 78, 121];
const paper = [255, 255, 255];
const ink = [31, 78, 121];
const accent = [232, 93, 58];

function icon(x, y) {
  if (!inRoundRect(x, y, 0, 0, 1, 1, 0.2)) return [0, 0, 0, 0];
  if (inRoundRect(x, y, 0.2, 0.22, 0.8, 0.8, 0.07)) {
    if (inRoundRect(x, y, 0.3, 0.33, 0.7, 0.42, 0.03)) return [...accent, 1];
    if (inRoundRect(x, y, 0.3, 0.5, 0.7, 0.56, 0.025)) return [...ink, 1];
    if (inRoundRect(x, y, 0.3, 0.63, 0.58, 0.69, 0.025)) return [...ink, 1];
    return [...paper, 1];
  }
  return [...tile, 1];
}

for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../assets/icons/icon-${size}.png`, import.meta.url), png(size, icon));
console.log('icons written to assets/icons/');
