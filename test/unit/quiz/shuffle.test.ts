import { describe, expect, it } from 'vitest';
import { hashSeed, seededRandom, shuffle, shuffleUnsolved } from '../../../src/domain/quiz/shuffle.ts';

const items = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('shuffle', () => {
  it('is deterministic: same seed, same order', () => {
    expect(shuffle(items, seededRandom(42))).toEqual(shuffle(items, seededRandom(42)));
  });

  it('different seeds give different orders (over a few seeds)', () => {
    const orders = new Set([1, 2, 3, 4, 5].map((s) => shuffle(items, seededRandom(s)).join('')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps every item exactly once', () => {
    expect(shuffle(items, seededRandom(7)).sort()).toEqual(items);
  });

  it('keeps fixed items ("All of the above") in place', () => {
    for (let seed = 0; seed < 50; seed++) {
      const out = shuffle(['a', 'b', 'c', 'all'], seededRandom(seed), (x) => x === 'all');
      expect(out[3]).toBe('all');
    }
    const middle = shuffle(['a', 'fixed', 'b', 'c'], seededRandom(3), (x) => x === 'fixed');
    expect(middle[1]).toBe('fixed');
  });

  it('moves every movable item to every place over many seeds (no stuck position)', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) seen.add(`${shuffle(items, seededRandom(seed)).indexOf('a')}`);
    expect(seen.size).toBe(items.length);
  });

  it('seededRandom stays in [0, 1)', () => {
    const r = seededRandom(123);
    for (let i = 0; i < 1000; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('hashSeed differs per text and is stable', () => {
    expect(hashSeed('q1:5')).toBe(hashSeed('q1:5'));
    expect(hashSeed('q1:5')).not.toBe(hashSeed('q2:5'));
  });
});

describe('shuffleUnsolved', () => {
  it('never returns the right order for an order question', () => {
    for (let seed = 0; seed < 300; seed++) {
      expect(shuffleUnsolved(['1', '2', '3'], seededRandom(seed))).not.toEqual(['1', '2', '3']);
    }
  });

  it('a single item stays as it is', () =>
    expect(shuffleUnsolved(['only'], seededRandom(1))).toEqual(['only']));
});
