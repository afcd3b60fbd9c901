/**
 * Deterministic shuffling for quiz options and order questions: the random source is passed in,
 * so the same seed gives the same order (tests, and a reload that keeps the reader's layout).
 */

/** A random source: returns numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny seeded PRNG; good enough to shuffle a handful of options. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from a string (e.g. quiz id + attempt seed), so each question shuffles differently. */
export function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Fisher–Yates over the movable items; items for which `isFixed` is true keep their index
 * ("All of the above" stays last, wherever the author put it).
 */
export function shuffle<T>(
  items: readonly T[],
  random: Random,
  isFixed: (item: T) => boolean = () => false,
): T[] {
  const movable = items.filter((item) => !isFixed(item));
  for (let i = movable.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [movable[i], movable[j]] = [movable[j] as T, movable[i] as T];
  }
  let next = 0;
  return items.map((item) => (isFixed(item) ? item : (movable[next++] as T)));
}

/**
 * An order question must not start solved: if the shuffle left the items in the right order,
 * rotate by one (still deterministic for a given random source).
 */
export function shuffleUnsolved<T>(items: readonly T[], random: Random): T[] {
  const shuffled = shuffle(items, random);
  const solved = shuffled.every((item, i) => item === items[i]);
  return solved && items.length > 1 ? [...shuffled.slice(1), shuffled[0] as T] : shuffled;
}
