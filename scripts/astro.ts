/**
 * `npm run build` (and `npm start`, `npm run bench`): Astro's own command line, in this process,
 * with the bundler's memory allocator set to give back what it frees. Vite's bundler (Rolldown)
 * allocates with mimalloc, which by default keeps freed memory for later and commits its arenas
 * up front: a 500-note build held ~400 MiB it no longer used until the end (measured with the
 * whole process tree: 2,080 → 1,700 MiB at the build's peak, the same time). mimalloc reads its
 * options once, when the bundler's native module is loaded, so they are set here, before Astro
 * (and with it the bundler) is imported; a value already in the environment wins.
 * Usage: node scripts/astro.ts <astro command and options>, e.g. `node scripts/astro.ts build`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ALLOCATOR_ENV = { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_ARENA_EAGER_COMMIT: '0' };

for (const [name, value] of Object.entries(ALLOCATOR_ENV)) process.env[name] ??= value;

// Astro's `bin/astro.mjs` (not in its package exports) reads the command from process.argv.
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
await import(pathToFileURL(astroBin).href);
