/**
 * Derived data kept across builds. The gate, the anchor index, the decks, the practice quizzes
 * and the cheat sheets each read every note's Markdown; parsing is most of their time, and a
 * rebuild mostly reads the same notes again. `memo(kind, input, compute)` returns what `compute`
 * gave for the same kind and input, from the build's store: in memory within a build (the
 * content gate and the page build run in one process, as separate copies of these modules, so
 * the store is found through a global), on disk across builds (src/integrations/derived-cache.ts
 * registers it for `astro build` only, keyed by a digest of the source code).
 *
 * With no store (dev server, tests, command-line tools) `compute` runs every time. `compute`
 * must be a pure function of `input` (and of the code): the input is the key.
 */

/** What a build keeps: values by kind and input; each `get` is a fresh copy the caller may change. */
export interface DerivedStore {
  get(kind: string, input: string): { value: unknown } | undefined;
  /** Keeps `value` and returns the copy to use, so a first build sees what a rebuild will. */
  set(kind: string, input: string, value: unknown): unknown;
}

const STORE = Symbol.for('tradeoffs.derived-store');
type Holder = { [STORE]?: DerivedStore | undefined };

export const derivedStore = (): DerivedStore | undefined => (globalThis as Holder)[STORE];

export function setDerivedStore(store: DerivedStore | undefined): void {
  (globalThis as Holder)[STORE] = store;
}

export function memo<T>(kind: string, input: string, compute: () => T): T {
  const store = derivedStore();
  if (!store) return compute();
  const hit = store.get(kind, input);
  if (hit) return hit.value as T;
  return store.set(kind, input, compute()) as T;
}

export async function memoAsync<T>(kind: string, input: string, compute: () => Promise<T>): Promise<T> {
  const store = derivedStore();
  if (!store) return compute();
  const hit = store.get(kind, input);
  if (hit) return hit.value as T;
  return store.set(kind, input, await compute()) as T;
}

/** The key of a call with several arguments (unambiguous, unlike joining strings). */
export const memoKey = (...parts: unknown[]): string => JSON.stringify(parts);
