/**
 * The reference build: Starlight (Astro's docs theme) over the same notes, in a scratch project
 * outside this repository (in the system's temp folder, or BENCH_STARLIGHT_DIR), installed from
 * the npm registry on first use. Never a dependency of this project.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const STARLIGHT_VERSION = '0.42.4';

export function starlightDir(): string {
  return process.env.BENCH_STARLIGHT_DIR ?? join(tmpdir(), 'starlight-bench');
}

/** Writes the scratch project and installs it if needed; returns its folder. */
export function ensureStarlight(dir = starlightDir()): string {
  if (existsSync(join(dir, 'node_modules/@astrojs/starlight/package.json'))) return dir;
  mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'starlight-bench',
      private: true,
      type: 'module',
      dependencies: {
        astro: '7.3.5',
        '@astrojs/starlight': STARLIGHT_VERSION,
        '@astrojs/markdown-remark': '^7.3.1',
      },
    }),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import starlight from '@astrojs/starlight';\nimport { defineConfig } from 'astro/config';\n" +
      "export default defineConfig({ integrations: [starlight({ title: 'Bench' })] });\n",
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\n" +
      "import { docsSchema } from '@astrojs/starlight/schema';\n" +
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n',
  );
  const install = spawnSync('npm', ['install', '--no-fund', '--no-audit'], { cwd: dir, stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`could not install Starlight into ${dir}`);
  return dir;
}

/** Puts the notes of `notes` (flat .md/.mdx) into the Starlight project's docs folder. */
export function loadStarlightNotes(dir: string, notes: string): void {
  const docs = join(dir, 'src/content/docs');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  for (const file of readdirSync(notes)) {
    if (/\.mdx?$/.test(file)) cpSync(join(notes, file), join(docs, file));
  }
}

/** A cold Starlight build: its content cache and output gone. */
export function clearStarlight(dir: string): void {
  for (const path of ['.astro', 'node_modules/.astro', 'dist'])
    rmSync(join(dir, path), { recursive: true, force: true });
}
