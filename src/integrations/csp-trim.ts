/**
 * Astro integration: each built page's CSP keeps only the hashes of its own inline scripts and
 * styles (src/domain/site/csp.ts). Runs at `astro:build:done` before the service worker lists
 * the pages, so the precache holds the pages as served.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { trimCspHashes } from '../domain/site/csp.ts';

const digest = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('base64');

export async function trimCspInPages(dist: string): Promise<number> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  let changed = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const html = await readFile(file, 'utf8');
    const trimmed = trimCspHashes(html, digest);
    if (trimmed === html) continue;
    await writeFile(file, trimmed);
    changed += 1;
  }
  return changed;
}

export function cspTrim(): AstroIntegration {
  return {
    name: 'tradeoffs:csp-trim',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const changed = await trimCspInPages(fileURLToPath(dir));
        logger.info(`CSP: ${changed} page(s) keep only the hashes of their own inline scripts and styles`);
      },
    },
  };
}
