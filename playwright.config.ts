import { defineConfig } from '@playwright/test';
import { normalizeBase } from './src/domain/site/url.ts';
import { CHROMIUM_ARGS, findChromium } from './src/lib/chromium.ts';

// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const port = Number(process.env.E2E_PORT ?? 4322);
// BASE_PATH=/tradeoffs/ (`npm run test:base`): the build in DIST_DIR served under that prefix, and
// only the journey that proves the site works there (test/e2e/base-path.spec.ts).
const base = normalizeBase(process.env.BASE_PATH);
const dist = process.env.DIST_DIR ?? 'dist';

// End-to-end tests run against the built site (`npm run build` first), served by
// `astro preview`, in the system Chromium: the machines cannot download Playwright's browsers.
export default defineConfig({
  testDir: 'test/e2e',
  ...(base === '/' ? { testIgnore: 'base-path.spec.ts' } : { testMatch: 'base-path.spec.ts' }),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // axe on the 21-diagram note takes ~15 s on a busy 2-core machine; the default 30 s is too tight.
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}${base === '/' ? '' : base}`,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve-dist.ts --port ${port} --dir ${dist} --base ${base}`,
    url: `http://localhost:${port}${base}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
