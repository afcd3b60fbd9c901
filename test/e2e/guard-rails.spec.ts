import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PAGE_TYPES } from './pages.ts';

for (const [type, path] of Object.entries(PAGE_TYPES)) {
  test(`${type}: strict CSP holds, no console errors, no request leaves the site`, async ({
    page,
    baseURL,
  }) => {
    const origin = new URL(baseURL as string).origin;
    const foreign: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin && url.protocol !== 'data:') foreign.push(request.url());
    });
    page.on('console', (message) => {
      // The 404 page is served with status 404, which Chromium logs as a failed resource.
      if (message.type() === 'error' && !(type === 'not found' && /404/.test(message.text()))) {
        consoleErrors.push(message.text());
      }
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`),
      );
    });
    await page.goto(path);
    await page.getByRole('button', { name: /theme/ }).click(); // runs the page's script too
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');

    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    // Scripts: our own files and hashed inline ones, plus WebAssembly for Pagefind; nothing looser.
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`${type}: no axe violations (${scheme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      // axe estimates the background of SVG text from the element stack, not from the shape
      // painted under it, and misjudges some diagram labels; theme.spec.ts measures every
      // diagram label against its own shape instead.
      const relevant = violations
        .map((v) =>
          v.id === 'color-contrast'
            ? {
                ...v,
                nodes: v.nodes.filter((n) => !n.html.startsWith('<tspan') && !n.html.startsWith('<text')),
              }
            : v,
        )
        .filter((v) => v.nodes.length);
      const readable = relevant.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
      expect(readable).toEqual([]);
      await context.close();
    });
  }
}
