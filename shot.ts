import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './src/lib/chromium.ts';
const port = 4331;
const server = spawn('npx', ['node', 'scripts/serve-dist.ts', '--port', String(port)], { stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const jobs = (process.env.SHOTS ?? '/decide/').split(',');
for (const path of jobs)
  for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]] as const)
    for (const scheme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ viewport, colorScheme: scheme, javaScriptEnabled: !process.env.NOJS });
      const page = await ctx.newPage();
      await page.goto(`http://localhost:${port}${path}`);
      await page.waitForTimeout(300);
      const file = `/tmp/walker-shot-${path.replace(/\W+/g, '_')}-${name}-${scheme}${process.env.NOJS ? '-nojs' : ''}.png`;
      await page.screenshot({ path: file, fullPage: Boolean(process.env.FULL) });
      console.log(file);
      await ctx.close();
    }
await browser.close();
process.kill(-server.pid!);
