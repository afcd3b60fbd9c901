/**
 * Test builds over other notes take turns. Astro writes the generated content modules of a
 * build into the project's own `.astro/` folder whatever `--outDir` or `cacheDir` says, so two
 * builds at once in one checkout (parallel Vitest files, parallel Playwright workers) import
 * each other's notes. A directory is the lock: creating one is atomic.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const LOCK = resolve('node_modules/.cache/tradeoffs/test-build.lock');
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function withBuildLock<T>(build: () => T, waitMs = 600_000): T {
  mkdirSync(dirname(LOCK), { recursive: true });
  const start = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than any build was left by a run that was killed.
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() - start > waitMs)
        throw new Error(`waited ${waitMs / 1000} s for another test build`);
      else pause(250);
    }
  }
  try {
    return build();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
