/**
 * The key under which Astro may copy a page from the last build instead of rendering it again
 * (`experimental.incrementalBuild`: the `cacheKey` of every getStaticPaths entry). Astro
 * compares the page's own code itself; what the code reads besides (notes, quizzes, decks,
 * comparisons, walkers, prices: the content gate's inputs, src/integrations/content-gate.ts)
 * is this key, and with it the build id (src/lib/build-id.ts: source, public files, config,
 * lockfile). One key for every page: any edit renders every page again, as a cold build
 * would; a rebuild with nothing changed renders none.
 *
 * The gate and the page build run in one process (as separate copies of the modules), so the
 * gate's digest is found through a global. No digest (dev, tests): no key, nothing reused.
 */
declare const __TRADEOFFS_BUILD_ID__: string;

const KEY = Symbol.for('tradeoffs.content-digest');
type Holder = { [KEY]?: string | undefined };

export function setContentDigest(digest: string | undefined): void {
  (globalThis as Holder)[KEY] = digest;
}

/** What a getStaticPaths entry spreads in: `{ cacheKey }`, or nothing without a digest. */
export function pageCache(): { cacheKey?: string } {
  const content = (globalThis as Holder)[KEY];
  if (content === undefined) return {};
  return {
    cacheKey: `${typeof __TRADEOFFS_BUILD_ID__ === 'string' ? __TRADEOFFS_BUILD_ID__ : 'dev'}:${content}`,
  };
}
