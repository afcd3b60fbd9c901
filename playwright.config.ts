import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './src/lib/chromium.ts';

// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const port = Number(process.env.E2E_PORT ?? 4322);

// End-to-end tests run against the built site (`npm run build` first), served by
// `astro preview`, in the system Chromium: the machines cannot download Playwright's browsers.
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // axe on the 21-diagram note takes ~15 s on a busy 2-core machine; the default 30 s is too tight.
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve-dist.ts --port ${port}`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
