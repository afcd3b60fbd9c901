/**
 * The service worker's bundled template (src/integrations/service-worker.ts): bundled once, as a
 * cold build starts, it must give the very file a build without it writes for the same site, and
 * that file must be a whole Workbox worker (its runtime inlined, the site's settings in it).
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
  it('bundled once, gives the worker a build bundles for itself: the same list, the same code', async () => {
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
    const entries = (code: string) =>
      [...code.matchAll(/\{url:"([^"]+)",revision:"([^"]+)"\}/g)].map((m) => m[0]);
    expect(entries(sw).length).toBeGreaterThan(3);
    expect(sw).toBe(readFileSync(join(direct, 'sw.js'), 'utf8'));
    // Nothing left behind but the template.
    expect(readdirSync(cache)).toEqual(templates);
  }, 120_000);

  it('is a whole Workbox worker: runtime inlined, production build, the settings of this site and its own part', async () => {
    const dist = site('settings');
    await writeServiceWorker(dist, '/');
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    // One file: no import, no require, nothing left for a bundler (process.env is gone).
    expect(sw).not.toMatch(/\bimport\s*[({"'`]|\brequire\(|process\.env/);
    expect(sw).toMatch(/workbox:precaching:7\./);
    expect(sw).toMatch(/importScripts\((["'`])sw-offline\.js\1\)/);
    expect(sw).toMatch(/(["'`])tradeoffs-extra\1/);
    expect(sw).toContain('tradeoffsFallback');
    expect(sw).toContain('SKIP_WAITING');
    expect(sw).toMatch(/directoryIndex:(["'`])index\.html\1/);
    // Production: Workbox's development logging is not in it.
    expect(sw).not.toContain('logger');
    expect(Buffer.byteLength(sw)).toBeLessThan(40 * 1024);
  }, 120_000);
});
