/**
 * Specs that need a site of their own (other notes, their own origin for a service worker, a
 * build swapped while tabs stay open) build it and serve it here, on a port of their own.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { otherNotesEnv } from '../../src/lib/paths.ts';
import { withBuildLock } from '../support/build-lock.ts';

/** A running scripts/serve-dist.ts over `dir`; `stop()` resolves once it has exited. */
export interface DistServer {
  url: string;
  stop(): Promise<void>;
}

export async function serveDist(dir: string, port: number): Promise<DistServer> {
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['scripts/serve-dist.ts', '--port', String(port), '--dir', dir],
    {
      stdio: 'ignore',
    },
  );
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill();
    await exited;
  };
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${url}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the server over ${dir} did not start on port ${port}`);
}

/** Builds the site over another notes folder into a new temporary folder, and returns it. */
export function buildOtherNotes(notes: string, name: string): string {
  const outDir = mkdtempSync(join(tmpdir(), `tradeoffs-${name}-`));
  const build = withBuildLock(() =>
    spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
      env: { ...process.env, ...otherNotesEnv(notes), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 170_000,
    }),
  );
  expect(build.status, `${build.stdout}\n${build.stderr}`.slice(-3000)).toBe(0);
  return outDir;
}

/**
 * For a serial spec over a site of its own: builds it before the spec's tests and removes it
 * after. `site.dir` and `site.url` are set once the build is served.
 */
export function fixtureSite(notes: string, name: string, port: number): { dir: string; url: string } {
  const site = { dir: '', url: `http://localhost:${port}` };
  let server: DistServer | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    site.dir = buildOtherNotes(notes, name);
    server = await serveDist(site.dir, port);
  });
  test.afterAll(async () => {
    await server?.stop();
    if (site.dir) rmSync(site.dir, { recursive: true, force: true });
  });
  return site;
}
