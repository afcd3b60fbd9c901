/**
 * The reliability suite: bad input and faults tried against the site's own code, each case
 * counted by what happened to it. A case is `refused` (with a sentence that says why) or
 * `accepted` (and then read back correct); `lost` (something a reader had is gone) and
 * `executed` (markup ran or survived as live markup) must stay 0. README's "Reliability suite"
 * table is checked against these lists by table.test.ts, so it cannot drift from the tests.
 */
export type Outcome = 'refused' | 'accepted';

export interface Case<T = unknown> {
  name: string;
  expect: Outcome;
  input: T;
}

export type Category =
  'bad imports' | 'bad quizzes' | 'XSS payloads' | 'storage faults' | 'multi-tab' | 'update';

/** An in-memory localStorage with a quota (in characters, as browsers count it) and enumeration. */
export class MemoryStore {
  map = new Map<string, string>();
  quota = Infinity;
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  used() {
    return [...this.map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const before = this.map.get(key);
    const after =
      this.used() - (before === undefined ? 0 : key.length + before.length) + key.length + value.length;
    if (after > this.quota) {
      const error = new Error('The quota has been exceeded.');
      error.name = 'QuotaExceededError';
      throw error;
    }
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}
