import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  type KeyValueStore,
  type RecordSpec,
  readRecord,
  writeRecord,
} from '../../../src/domain/progress/storage.ts';

class MemoryStore implements KeyValueStore {
  map = new Map<string, string>();
  quota = Infinity;
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.map.values()].reduce((n, v) => n + v.length, 0);
    if (used + value.length > this.quota) {
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

// Version 2 of a record whose version 1 kept a bare list of names.
const spec: RecordSpec<{ names: string[]; count: number }> = {
  key: 'test.record',
  version: 2,
  schema: z.object({ names: z.array(z.string()), count: z.number() }),
  empty: () => ({ names: [], count: 0 }),
  migrations: {
    1: (data) => {
      const names = data as string[];
      return { names, count: names.length };
    },
  },
};
const now = new Date('2026-11-24T10:00:00Z');
const put = (store: MemoryStore, value: unknown) =>
  store.map.set(spec.key, typeof value === 'string' ? value : JSON.stringify(value));

describe('readRecord', () => {
  it('missing key: an empty record, writable', () => {
    expect(readRecord(new MemoryStore(), spec, now)).toEqual({
      value: { names: [], count: 0 },
      status: 'empty',
      writable: true,
    });
  });

  it('current version: the data as stored', () => {
    const store = new MemoryStore();
    put(store, { version: 2, data: { names: ['a'], count: 1 } });
    expect(readRecord(store, spec, now)).toMatchObject({ status: 'ok', value: { names: ['a'], count: 1 } });
  });

  it('older version: migrated step by step', () => {
    const store = new MemoryStore();
    put(store, { version: 1, data: ['a', 'b'] });
    expect(readRecord(store, spec, now)).toMatchObject({
      status: 'migrated',
      value: { names: ['a', 'b'], count: 2 },
      writable: true,
    });
  });

  it.each([
    ['invalid JSON', '{"version":2,', 'not valid JSON'],
    ['no version', { data: {} }, 'no version'],
    ['wrong shape', { version: 2, data: { names: 'a', count: 1 } }, 'does not match its schema (names'],
    ['a version no migration knows', { version: 0, data: [] }, 'no migration from version 0'],
    ['a migration that throws', { version: 1, data: null }, 'migration from version 1 failed'],
  ])('%s: kept aside under another key, and the page starts empty', (_, stored, problem) => {
    const store = new MemoryStore();
    put(store, stored);
    const raw = store.map.get(spec.key);
    const result = readRecord(store, spec, now);
    expect(result).toMatchObject({ status: 'corrupt', value: { names: [], count: 0 }, writable: true });
    expect(result.problem).toContain(problem);
    expect(result.keptAs).toBe('test.record.corrupt.2026-11-24T10:00:00.000Z');
    expect(store.map.get(result.keptAs as string)).toBe(raw);
  });

  it('newer version: left untouched and not writable', () => {
    const store = new MemoryStore();
    put(store, { version: 3, data: { whatever: true } });
    const result = readRecord(store, spec, now);
    expect(result).toMatchObject({ status: 'newer', writable: false });
    expect(result.problem).toMatch(/newer version of the site \(record v3, this page knows v2\)/);
    expect([...store.map.keys()]).toEqual([spec.key]);
  });

  it('corrupt and no room to keep it aside: the original is not overwritten', () => {
    const store = new MemoryStore();
    put(store, 'garbage');
    store.quota = 0;
    const result = readRecord(store, spec, now);
    expect(result).toMatchObject({ status: 'corrupt', writable: false });
    expect(result.keptAs).toBeUndefined();
  });

  it('no storage at all (blocked): works in memory', () => {
    expect(readRecord(undefined, spec, now)).toMatchObject({ status: 'unavailable', writable: false });
  });

  it('storage that throws on read: works in memory', () => {
    const store: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(readRecord(store, spec, now)).toMatchObject({ status: 'unavailable', writable: false });
  });
});

describe('writeRecord', () => {
  it('round-trips through readRecord', () => {
    const store = new MemoryStore();
    expect(writeRecord(store, spec, { names: ['x'], count: 1 })).toEqual({ ok: true });
    expect(readRecord(store, spec, now)).toMatchObject({ status: 'ok', value: { names: ['x'], count: 1 } });
  });

  it('quota error: reported, not thrown, and the old record stays', () => {
    const store = new MemoryStore();
    writeRecord(store, spec, { names: ['old'], count: 1 });
    store.quota = 10;
    expect(writeRecord(store, spec, { names: ['new'], count: 1 })).toEqual({
      ok: false,
      code: 'full',
      problem: 'browser storage is full: this result was not saved',
    });
    expect(readRecord(store, spec, now).value.names).toEqual(['old']);
  });

  it('other write errors are reported too', () => {
    const store: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('disk on fire');
      },
      removeItem: () => undefined,
    };
    expect(writeRecord(store, spec, spec.empty())).toEqual({
      ok: false,
      code: 'failed',
      problem: 'could not save: Error: disk on fire',
    });
  });

  it('no storage: reported', () => expect(writeRecord(undefined, spec, spec.empty()).ok).toBe(false));
});
