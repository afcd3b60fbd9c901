/** updateRecord (every write a merge), read-only reads, validation before writing, kept-aside bounds. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  KEPT_ASIDE,
  type KeyValueStore,
  type RecordSpec,
  keptAsideKeys,
  readRecord,
  storeKeys,
  updateRecord,
  writeRecord,
} from '../../../src/domain/progress/storage.ts';

class Store implements KeyValueStore {
  map = new Map<string, string>();
  quota = Infinity;
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0);
    if (used + v.length > this.quota)
      throw Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const spec: RecordSpec<{ items: string[] }> = {
  key: 'r',
  version: 1,
  schema: z.object({ items: z.array(z.string().check(z.minLength(1))) }),
  empty: () => ({ items: [] }),
};
const NOW = new Date('2026-12-01T10:00:00.000Z');
const at = (s: number) => new Date(NOW.getTime() + s * 1000);
const add = (item: string) => (r: { items: string[] }) => ({ items: [...r.items, item] });

describe('updateRecord: every write is a merge with what is stored now', () => {
  it('two tabs that read the same empty record both keep their change', () => {
    const store = new Store();
    const tabA = readRecord(store, spec, NOW);
    const tabB = readRecord(store, spec, NOW);
    expect(tabA.value).toEqual(tabB.value);
    expect(updateRecord(store, spec, add('from A'), NOW)).toMatchObject({
      ok: true,
      value: { items: ['from A'] },
    });
    expect(updateRecord(store, spec, add('from B'), NOW)).toMatchObject({
      ok: true,
      value: { items: ['from A', 'from B'] },
    });
    expect(readRecord(store, spec, NOW).value.items).toEqual(['from A', 'from B']);
  });

  it('a newer record is not overwritten; the code says why', () => {
    const store = new Store();
    store.map.set('r', '{"version":2,"data":{}}');
    expect(updateRecord(store, spec, add('x'), NOW)).toMatchObject({ ok: false, code: 'newer' });
    expect(store.map.get('r')).toBe('{"version":2,"data":{}}');
    expect(updateRecord(undefined, spec, add('x'), NOW)).toMatchObject({ ok: false, code: 'unavailable' });
  });

  it('a corrupt record with no room for its copy is left as it is', () => {
    const store = new Store();
    store.map.set('r', 'x'.repeat(50));
    store.quota = 60;
    expect(updateRecord(store, spec, add('x'), NOW)).toMatchObject({ ok: false, code: 'unreadable' });
    expect(store.map.get('r')).toBe('x'.repeat(50));
  });

  it('a value that fails its own schema is never written', () => {
    const store = new Store();
    updateRecord(store, spec, add('kept'), NOW);
    const result = updateRecord(store, spec, add(''), NOW);
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(result.ok ? '' : result.problem).toMatch(/^it does not match the stored format \(items\.1: /);
    expect(readRecord(store, spec, NOW)).toMatchObject({ status: 'ok', value: { items: ['kept'] } });
    expect(writeRecord(store, spec, { items: [''] })).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('read-only reads', () => {
  it('report a corrupt record without copying it or making it writable', () => {
    const store = new Store();
    store.map.set('r', 'garbage');
    expect(readRecord(store, spec, NOW, { readOnly: true })).toMatchObject({
      status: 'corrupt',
      writable: false,
    });
    expect([...store.map.keys()]).toEqual(['r']);
  });
});

describe('kept-aside copies are bounded', () => {
  it('the same damage seen on every visit is copied once', () => {
    const store = new Store();
    store.map.set('r', 'garbage');
    const first = readRecord(store, spec, NOW);
    for (let i = 1; i < 6; i++) expect(readRecord(store, spec, at(i)).keptAs).toBe(first.keptAs);
    expect(keptAsideKeys(store, 'r')).toEqual([first.keptAs]);
  });

  it('at most KEPT_ASIDE.copies per record, the oldest removed and named', () => {
    const store = new Store();
    const kept: string[] = [];
    for (let i = 0; i < KEPT_ASIDE.copies + 2; i++) {
      store.map.set('r', `garbage ${i}`);
      const read = readRecord(store, spec, at(i));
      kept.push(read.keptAs as string);
      if (i >= KEPT_ASIDE.copies) expect(read.dropped).toEqual([kept[i - KEPT_ASIDE.copies]]);
    }
    expect(keptAsideKeys(store, 'r')).toEqual(kept.slice(-KEPT_ASIDE.copies));
  });

  it('within KEPT_ASIDE.chars in all: a big copy pushes older ones out', () => {
    const store = new Store();
    store.map.set('r', 'a'.repeat(KEPT_ASIDE.chars / 2));
    readRecord(store, spec, at(0));
    store.map.set('r', 'b'.repeat(KEPT_ASIDE.chars / 2 + 1));
    const read = readRecord(store, spec, at(1));
    expect(read.dropped).toHaveLength(1);
    expect(keptAsideKeys(store, 'r')).toEqual([read.keptAs]);
  });

  it('two different records in the same millisecond get two keys', () => {
    const store = new Store();
    store.map.set('r', 'one');
    const a = readRecord(store, spec, NOW).keptAs;
    store.map.set('r', 'two');
    const b = readRecord(store, spec, NOW).keptAs;
    expect(a).not.toBe(b);
    expect(keptAsideKeys(store, 'r')).toHaveLength(2);
  });

  it('a store that cannot enumerate still keeps a copy (without the bounds)', () => {
    const map = new Map([['r', 'garbage']]);
    const plain: KeyValueStore = {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    };
    expect(storeKeys(plain)).toBeUndefined();
    expect(readRecord(plain, spec, NOW).keptAs).toMatch(/^r\.corrupt\./);
  });
});
