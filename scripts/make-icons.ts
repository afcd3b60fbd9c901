/**
 * `node scripts/make-icons.ts`: draws the app icons (public/icons/icon-192.png, icon-512.png)
 * from public/icons/icon.svg with the system Chromium. The PNGs are committed; run this again
 * only after editing the SVG. The mark sits inside the central 80 %, so the same file is a
 * valid maskable icon.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../src/lib/chromium.ts';

const svg = await readFile('public/icons/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: `public/icons/icon-${size}.png`, omitBackground: true });
    await page.close();
    console.log(`public/icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
