/**
 * Astro integration: the build's store of derived data (src/domain/content/memo.ts), kept in
 * Astro's cache folder (`node_modules/.astro/` or the build's `cacheDir`) next to its content
 * store, so a rebuild reads again only the notes that changed.
 *
 * An entry is found by its kind and input (a note's text, usually); the whole file is keyed by
 * a digest of the code that derives it (every file under src/, the config, the lockfile, the
 * Node version) and of the build's settings (base, site, TRADEOFFS_* folders): a change to any
 * of them starts from an empty store, so nothing is served from older code. Only `astro build`
 * uses it (a dev server reloads code under a running store); TRADEOFFS_DERIVED_CACHE=0 turns
 * it off. An entry no build has used for KEEP_BUILDS builds is dropped (a rebuild that skips the
 * gate still keeps the gate's entries for the next change).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { AstroIntegration } from 'astro';
import { type DerivedStore, setDerivedStore } from '../domain/content/memo.ts';

export const DERIVED_FILE = 'tradeoffs-derived.bin';
/** How many builds an unused entry survives. */
export const KEEP_BUILDS = 8;

/** The code and settings derived data depends on. */
export async function derivedVersion(root: string, settings: Record<string, unknown>): Promise<string> {
  const hash = createHash('sha256');
  const src = join(root, 'src');
  const files = (await readdir(src, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of [...files, join(root, 'astro.config.mjs'), join(root, 'package-lock.json')]) {
    hash.update(`\0${relative(root, file)}\n`);
    hash.update((await readFile(file).catch(() => null)) ?? '\0missing');
  }
  const env = Object.entries(process.env)
    .filter(([name]) => name.startsWith('TRADEOFFS_') || name === 'BASE_PATH' || name === 'SITE_URL')
    .sort(([a], [b]) => a.localeCompare(b));
  hash.update(JSON.stringify({ node: process.version, env, settings }));
  return hash.digest('hex');
}

/** An entry: its serialised value and the last build (counted per store file) that used it. */
export interface DerivedEntry {
  bytes: Uint8Array;
  build: number;
}

interface StoreFile {
  version: string;
  build: number;
  entries: Map<string, DerivedEntry>;
}

/**
 * A store over the entries of an earlier build. Values are kept as V8 serialisations (what
 * `structuredClone` keeps: Maps, Dates, `undefined` too), so every read is a fresh copy and a
 * first build gets the same copy a rebuild will read.
 */
export function createDerivedStore(previous: ReadonlyMap<string, DerivedEntry> = new Map(), build = 1) {
  const entries = new Map(previous);
  const key = (kind: string, input: string) =>
    createHash('sha256').update(kind).update('\0').update(input).digest('base64url');
  let hits = 0;
  let made = 0;
  const store: DerivedStore = {
    get(kind, input) {
      const entry = entries.get(key(kind, input));
      if (!entry) return undefined;
      hits += 1;
      entry.build = build;
      return { value: deserialize(entry.bytes) as unknown };
    },
    set(kind, input, value) {
      const bytes = serialize(value);
      made += 1;
      entries.set(key(kind, input), { bytes, build });
      return deserialize(bytes) as unknown;
    },
  };
  /** What the next build gets: entries used in the last KEEP_BUILDS builds. */
  const kept = () => new Map([...entries].filter(([, e]) => build - e.build < KEEP_BUILDS));
  return { store, kept, stats: () => ({ hits, made }) };
}

export async function readDerivedFile(
  file: string,
  version: string,
): Promise<{ build: number; entries: Map<string, DerivedEntry> }> {
  try {
    const data = deserialize(await readFile(file)) as StoreFile;
    if (data.version === version && data.entries instanceof Map)
      return { build: data.build, entries: data.entries };
  } catch {
    // none yet, or unreadable: start empty
  }
  return { build: 0, entries: new Map() };
}

export async function writeDerivedFile(
  file: string,
  data: { version: string; build: number; entries: Map<string, DerivedEntry> },
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, serialize(data satisfies StoreFile));
  await rename(temp, file);
}

export function derivedCache(): AstroIntegration {
  let save: (() => Promise<void>) | undefined;
  return {
    name: 'tradeoffs:derived-cache',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        if (command !== 'build' || process.env.TRADEOFFS_DERIVED_CACHE === '0') return;
        const file = fileURLToPath(new URL(DERIVED_FILE, config.cacheDir));
        const version = await derivedVersion(fileURLToPath(config.root), {
          base: config.base,
          site: config.site,
          trailingSlash: config.trailingSlash,
        });
        const previous = await readDerivedFile(file, version);
        const build = previous.build + 1;
        const { store, kept, stats } = createDerivedStore(previous.entries, build);
        setDerivedStore(store);
        save = async () => {
          const { hits, made } = stats();
          const entries = kept();
          logger.info(
            `derived data: ${hits} reused, ${made} computed, ${entries.size} kept for the next build`,
          );
          await writeDerivedFile(file, { version, build, entries });
        };
      },
      'astro:build:done': async () => {
        await save?.();
        setDerivedStore(undefined);
      },
    },
  };
}
