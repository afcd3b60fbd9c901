/**
 * The service worker's bundled template (src/integrations/service-worker.ts): bundled in a
 * worker thread by a cold build, it must give the very file Workbox writes for the same site.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTemplate, writeServiceWorker } from '../../../src/integrations/service-worker.ts';

const work = mkdtempSync(join(tmpdir(), 'tradeoffs-sw-template-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A small site: two note pages, a stylesheet and a search bundle. */
function site(name: string): string {
  const dist = join(work, name);
  for (const [path, body] of Object.entries({
    'index.html': '<!doctype html><title>Home</title>',
    'notes/a/index.html': '<!doctype html><title>A</title><p>Note A</p>',
    'notes/b/index.html': '<!doctype html><title>B</title><p>Note B</p>',
    '_astro/site.css': 'body{margin:0}',
    'pagefind/pagefind.js': 'export {}',
  })) {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), body);
  }
  return dist;
}

describe('the service worker template', () => {
  it('bundled in a worker thread, gives the worker Workbox writes itself: the same list, the same code', async () => {
    const cache = join(work, 'cache');
    await startTemplate(cache);
    const templates = readdirSync(cache);
    expect(templates).toHaveLength(1);
    expect(templates[0]).toMatch(/^[0-9a-f]{20}\.template\.js$/);
    expect(readFileSync(join(cache, templates[0] as string), 'utf8')).toContain('__tradeoffs_precache__');

    const fromTemplate = site('with-template');
    const direct = site('direct');
    const a = await writeServiceWorker(fromTemplate, '/', cache);
    const b = await writeServiceWorker(direct, '/');
    expect(a.count).toBe(b.count);
    const sw = readFileSync(join(fromTemplate, 'sw.js'), 'utf8');
    expect(sw).toContain('url:"notes/a/index.html"');
    expect(sw).not.toContain('__tradeoffs_precache__');
    const own = readFileSync(join(direct, 'sw.js'), 'utf8');
    // The same list and the same code; Terser's short names follow the text's letters, so they
    // may differ (the placeholder stood where the list is).
    const entries = (code: string) =>
      [...code.matchAll(/\{url:"([^"]+)",revision:"([^"]+)"\}/g)].map((m) => m[0]);
    expect(entries(sw).length).toBeGreaterThan(3);
    expect(entries(sw)).toEqual(entries(own));
    const shape = (code: string) => code.replace(/\b[a-zA-Z]\b/g, '_');
    expect(shape(sw)).toBe(shape(own));
    // Nothing left behind but the template.
    expect(readdirSync(cache)).toEqual(templates);
  }, 120_000);
});
