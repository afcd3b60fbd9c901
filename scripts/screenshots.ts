/**
 * Screenshots of the built site in light and dark, phone and desktop, with Debian's Chromium:
 * for looking at what we build, and for the README. Serves dist/ with `astro preview`.
 *   node scripts/screenshots.ts [--out DIR] [PATH...]
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../src/lib/chromium.ts';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? (args.splice(outIndex, 2)[1] as string) : 'screenshots';
const paths = args.length ? args : ['/'];
const port = 4399;

const server = spawn('npx', ['astro', 'preview', '--port', String(port)], { stdio: 'ignore' });
try {
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://localhost:${port}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await mkdir(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
  for (const [device, viewport] of Object.entries(viewports)) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`http://localhost:${port}${path}`);
        const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
        const file = `${out}/${name}-${device}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
        console.log(file);
      }
      await context.close();
    }
  }
  await browser.close();
} finally {
  server.kill();
}
