/**
 * Draws the app icons (a white tick on the brand colour) as PNGs with no image library:
 * a signed-distance rasteriser with 4×4 supersampling and Node's zlib for the PNG encoding.
 * Output is committed in public/icons; rerun with `npm run icons -w @habit-tracker/web`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const BRAND = [79, 70, 229]; // #4f46e5
const BRAND_DARK = [55, 48, 163]; // #3730a3

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function roundedRectInside(x, y, r) {
  // Unit square [0,1]² with corner radius r.
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** Coordinates are fractions of the icon; `scale` shrinks the tick toward the centre. */
function draw(size, { cornerRadius, scale }) {
  const rgba = Buffer.alloc(size * size * 4);
  const tick = [
    [0.3, 0.53],
    [0.44, 0.67],
    [0.71, 0.37],
  ].map(([x, y]) => [0.5 + (x - 0.5) * scale, 0.5 + (y - 0.5) * scale]);
  const half = 0.055 * scale;
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      let shade = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size;
          const v = (y + (sy + 0.5) / S) / size;
          if (!roundedRectInside(u, v, cornerRadius)) continue;
          bg++;
          shade += v;
          const d = Math.min(
            segmentDistance(u, v, tick[0], tick[1]),
            segmentDistance(u, v, tick[1], tick[2]),
          );
          if (d <= half) fg++;
        }
      }
      const i = (y * size + x) * 4;
      const n = S * S;
      if (bg === 0) continue;
      // A gentle top-to-bottom gradient from the brand colour to its darker shade.
      const t = shade / bg;
      const base = BRAND.map((c, k) => c + (BRAND_DARK[k] - c) * t * 0.6);
      const f = fg / bg;
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(base[k] * (1 - f) + 255 * f);
      rgba[i + 3] = Math.round((255 * bg) / n);
    }
  }
  return encodePng(size, rgba);
}

const icons = [
  ['icon-192.png', 192, { cornerRadius: 0.22, scale: 1 }],
  ['icon-512.png', 512, { cornerRadius: 0.22, scale: 1 }],
  // Maskable: full bleed, the tick kept inside the central 80 % safe zone.
  ['maskable-512.png', 512, { cornerRadius: 0, scale: 0.8 }],
  ['apple-touch-icon.png', 180, { cornerRadius: 0, scale: 0.9 }],
];
for (const [name, size, opts] of icons) {
  const png = draw(size, opts);
  writeFileSync(join(OUT, name), png);
  console.log(`${name}: ${png.length} bytes`);
}
