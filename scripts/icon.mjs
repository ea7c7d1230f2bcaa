#!/usr/bin/env node
// Prints the page icon of index.html as a data: URL: the SVG below, drawn at
// 32×32 by Chromium and stored as a 4-bit indexed PNG (≈ 245 bytes).
//
// Why a PNG and not the SVG itself: Chromium builds a whole SVG document for an
// SVG icon on the page's main thread (8–12 ms in traces), just when the widget
// renders its first screen; a PNG this small is decoded in ≈ 0.1 ms.
//
//   node scripts/icon.mjs     then paste the URL into index.html's <link rel="icon">
import { deflateSync, crc32 } from 'node:zlib';
import { chromium } from 'playwright-core';

const SVG = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='7' fill='#1d5a85'/>`
  + `<path d='M9 17l5 5 9-11' fill='none' stroke='#fff' stroke-width='3.5' stroke-linecap='round' stroke-linejoin='round'/></svg>`;
const SIZE = 32;
/** The icon's one colour; every pixel is it, mixed towards white, at some opacity. */
const BLUE = [0x1d, 0x5a, 0x85];
/** The opacities and white mixes a pixel is rounded to: at most 16 colours, so 4 bits a pixel. */
const ALPHAS = [0, 85, 170, 255];
const WHITE_MIXES = [0, 0.33, 0.67, 1];

const nearest = (levels, value) => levels.reduce((best, level) => (Math.abs(level - value) < Math.abs(best - value) ? level : best));

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const rgba = await page.evaluate(async ({ svg, size }) => {
  const image = new Image();
  image.src = `data:image/svg+xml,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, size, size);
  return [...context.getImageData(0, 0, size, size).data];
}, { svg: SVG, size: SIZE });
await browser.close();

const palette = []; // [[r, g, b], alpha]
const paletteIndex = new Map();
const colourOf = (pixel) => {
  const alpha = nearest(ALPHAS, rgba[pixel * 4 + 3]);
  const white = alpha ? nearest(WHITE_MIXES, (rgba[pixel * 4] - BLUE[0]) / (255 - BLUE[0])) : 0;
  const key = `${alpha},${white}`;
  if (!paletteIndex.has(key)) {
    paletteIndex.set(key, palette.length);
    palette.push([BLUE.map((c) => Math.round(c + (255 - c) * white)), alpha]);
  }
  return paletteIndex.get(key);
};
const scanlines = [];
for (let y = 0; y < SIZE; y += 1) {
  scanlines.push(0); // filter: none
  for (let x = 0; x < SIZE; x += 2) scanlines.push((colourOf(y * SIZE + x) << 4) | colourOf(y * SIZE + x + 1));
}
if (palette.length > 16) throw new Error(`${palette.length} colours do not fit in 4 bits`);

const chunk = (type, data) => {
  const bytes = Buffer.alloc(12 + data.length);
  bytes.writeUInt32BE(data.length, 0);
  bytes.write(type, 4, 'ascii');
  data.copy(bytes, 8);
  bytes.writeUInt32BE(crc32(bytes.subarray(4, 8 + data.length)), 8 + data.length);
  return bytes;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 4; // bits per pixel
header[9] = 3; // indexed colour
const alphas = palette.map(([, alpha]) => alpha);
while (alphas.at(-1) === 255) alphas.pop(); // opaque entries at the end need no tRNS byte
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', header),
  chunk('PLTE', Buffer.from(palette.flatMap(([rgb]) => rgb))),
  chunk('tRNS', Buffer.from(alphas)),
  chunk('IDAT', deflateSync(Buffer.from(scanlines), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
console.log(`data:image/png;base64,${png.toString('base64')}`);
