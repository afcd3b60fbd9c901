/**
 * Screenshots of the built site with the system Chromium, for looking at what we build:
 *   node scripts/screenshots.ts [--out DIR] [PATH[#anchor] ...]   light/dark × phone/desktop PNGs
 *   node scripts/screenshots.ts --readme                          docs/screenshot.png for the README
 * Serves dist/ itself (scripts/serve-dist.ts), or DIST_DIR. FULL=1 for full-page shots.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../src/lib/chromium.ts';

const args = process.argv.slice(2);
const readme = args.includes('--readme');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? (args.splice(outIndex, 2)[1] as string) : 'screenshots';
const paths = args.filter((a) => !a.startsWith('--'));
const port = 4399;
const base = `http://localhost:${port}`;

async function shot(
  browser: Browser,
  path: string,
  viewport: { width: number; height: number },
  scheme: 'light' | 'dark',
) {
  const context = await browser.newContext({ viewport, colorScheme: scheme });
  const page = await context.newPage();
  const [url, anchor] = path.split('#');
  await page.goto(`${base}${url}`);
  if (anchor) {
    await page.evaluate((id) => {
      document.documentElement.style.scrollBehavior = 'auto';
      document.getElementById(id)?.scrollIntoView();
    }, anchor);
  }
  const png = await page.screenshot({ fullPage: process.env.FULL === '1' });
  await context.close();
  return png;
}

// DIST_DIR: another build (a bigger pile, a base-path build) instead of dist/.
const server = spawn(
  process.execPath,
  [
    'scripts/serve-dist.ts',
    '--port',
    String(port),
    ...(process.env.DIST_DIR ? ['--dir', process.env.DIST_DIR] : []),
  ],
  { stdio: 'ignore' },
);
try {
  for (let i = 0; i < 50; i++) {
    if (
      await fetch(`${base}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  if (readme) {
    // One picture: a note on a desktop in light, the same note on a phone in dark.
    const note = '/notes/architecture-paradigms/#fundamental-difference';
    const desktop = await shot(browser, note, { width: 1200, height: 820 }, 'light');
    const phone = await shot(browser, note, { width: 390, height: 820 }, 'dark');
    const context = await browser.newContext({ viewport: { width: 1630, height: 860 } });
    const page = await context.newPage();
    const img = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    await page.setContent(
      `<body style="margin:0;background:#dfe2ec;display:flex;gap:20px;padding:20px;align-items:flex-start">` +
        `<img src="${img(desktop)}" width="1200" height="820" style="border-radius:8px;box-shadow:0 2px 12px #0003">` +
        `<img src="${img(phone)}" width="390" height="820" style="border-radius:8px;box-shadow:0 2px 12px #0003"></body>`,
    );
    await mkdir('docs', { recursive: true });
    await page.screenshot({ path: 'docs/screenshot.png' });
    console.log('docs/screenshot.png');
  } else {
    await mkdir(out, { recursive: true });
    const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
    for (const path of paths.length ? paths : ['/']) {
      for (const [device, viewport] of Object.entries(viewports)) {
        for (const scheme of ['light', 'dark'] as const) {
          const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
          const file = `${out}/${name}-${device}-${scheme}.png`;
          await import('node:fs/promises').then(async (fs) =>
            fs.writeFile(file, await shot(browser, path, viewport, scheme)),
          );
          console.log(file);
        }
      }
    }
  }
  await browser.close();
} finally {
  server.kill();
}
