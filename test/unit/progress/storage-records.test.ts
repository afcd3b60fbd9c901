/**
 * src/domain/progress/storage.ts (versioned browser records) and src/domain/content/yaml.ts (YAML content
 * files), exercised through the flashcard record and deck files that use them.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatContentError } from '../../../src/domain/content/gate.ts';
import { checkSourceRef } from '../../../src/domain/notes/anchors.ts';
import {
  type KeyValueStore,
  type RecordSpec,
  browserStore,
  readRecord,
  writeRecord,
} from '../../../src/domain/progress/storage.ts';
import { checkYamlFile, describeItem, received } from '../../../src/domain/content/yaml.ts';
import { DeckFileSchema } from '../../../src/schemas/deck.ts';

const NOW = new Date('2026-11-24T12:00:00.000Z');
const Schema = z.object({ n: z.number() });
const spec: RecordSpec<{ n: number }> = {
  key: 'k',
  version: 3,
  schema: Schema,
  empty: () => ({ n: 0 }),
  migrations: {
    1: (d) => ({ count: (d as { c: number }).c }),
    2: (d) => {
      if ((d as { count: number }).count < 0) throw new Error('negative');
      return { n: (d as { count: number }).count };
    },
  },
};

function store(
  initial: Record<string, string> = {},
  fail?: (key: string) => Error | undefined,
): KeyValueStore & {
  map: Map<string, string>;
} {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      const error = fail?.(k);
      if (error) throw error;
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

describe('readRecord / writeRecord', () => {
  it('migrates v1 → v2 → v3 one step at a time', () => {
    const s = store({ k: JSON.stringify({ version: 1, data: { c: 4 } }) });
    expect(readRecord(s, spec, NOW)).toEqual({ value: { n: 4 }, status: 'migrated', writable: true });
  });

  it('keeps every kind of corrupt record aside and starts empty', () => {
    const cases: [string, RegExp][] = [
      ['{', /not valid JSON/],
      ['[1]', /has no version/],
      ['{"version":"1"}', /has no version/],
      ['{"version":0,"data":{}}', /no migration from version 0/],
      ['{"version":2,"data":{"count":-1}}', /migration from version 2 failed: Error: negative/],
      ['{"version":3,"data":{"n":"x"}}', /does not match its schema \(n: /],
      ['{"version":3,"data":null}', /does not match its schema \(record: /],
    ];
    for (const [raw, problem] of cases) {
      const s = store({ k: raw });
      const read = readRecord(s, spec, NOW);
      expect(read.status, raw).toBe('corrupt');
      expect(read.problem).toMatch(problem);
      expect(read.value).toEqual({ n: 0 });
      expect(read.keptAs).toBe('k.corrupt.2026-11-24T12:00:00.000Z');
      expect(s.map.get(read.keptAs as string)).toBe(raw);
    }
  });

  it('does not overwrite a corrupt record it could not copy aside', () => {
    const s = store({ k: '{' }, (key) => (key.includes('corrupt') ? new Error('full') : undefined));
    const read = readRecord(s, spec, NOW);
    expect(read).toMatchObject({ status: 'corrupt', writable: false });
    expect(read.keptAs).toBeUndefined();
  });

  it('leaves a newer record alone', () => {
    const s = store({ k: '{"version":4,"data":{}}' });
    expect(readRecord(s, spec, NOW)).toMatchObject({ status: 'newer', writable: false });
    expect(s.map.get('k')).toBe('{"version":4,"data":{}}');
  });

  it('works without storage, or with storage that throws', () => {
    expect(readRecord(undefined, spec, NOW)).toMatchObject({ status: 'unavailable', writable: false });
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(readRecord(throwing, spec, NOW)).toMatchObject({
      status: 'unavailable',
      problem: 'Error: SecurityError',
    });
    expect(readRecord(store(), spec, NOW)).toEqual({ value: { n: 0 }, status: 'empty', writable: true });
  });

  it('writes, and explains a full or failing storage', () => {
    const s = store();
    expect(writeRecord(s, spec, { n: 1 })).toEqual({ ok: true });
    expect(s.map.get('k')).toBe('{"version":3,"data":{"n":1}}');
    expect(writeRecord(undefined, spec, { n: 1 })).toEqual({
      ok: false,
      code: 'unavailable',
      problem: 'browser storage is not available',
    });
    const full = store({}, () => new DOMException('exceeded', 'QuotaExceededError'));
    expect(writeRecord(full, spec, { n: 1 })).toEqual({
      ok: false,
      code: 'full',
      problem: 'browser storage is full: this result was not saved',
    });
    const broken = store({}, () => new Error('nope'));
    expect(writeRecord(broken, spec, { n: 1 })).toEqual({
      ok: false,
      code: 'failed',
      problem: 'could not save: Error: nope',
    });
  });

  it('finds localStorage when there is one, and survives a throwing getter', () => {
    const g = globalThis as { localStorage?: unknown };
    expect(browserStore()).toBeUndefined();
    const fake = store();
    g.localStorage = fake;
    expect(browserStore()).toBe(fake);
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new Error('denied');
      },
    });
    expect(browserStore()).toBeUndefined();
    delete g.localStorage;
  });
});

describe('YAML content files (through deck files)', () => {
  const check = (text: string | Uint8Array) =>
    checkYamlFile(
      {
        path: 'content/cards/x.yaml',
        bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
      },
      DeckFileSchema,
    ).errors.map(formatContentError);

  it('reports empty, comment-only and non-UTF-8 files', () => {
    expect(check('')).toEqual(['content/cards/x.yaml: the file is empty']);
    expect(check('# only a comment\n\n')).toEqual([
      'content/cards/x.yaml: the file is empty (only whitespace or comments)',
    ]);
    expect(check(new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff]))).toEqual([
      'content/cards/x.yaml: the file is not valid UTF-8',
    ]);
  });

  it('names unknown keys and missing fields by card', () => {
    const yaml =
      'id: x\ntitle: T\nsummary: S\ncolour: red\ncards:\n  - front: F\n    back: B\n    source: a#b\n    hint: h\n';
    // An unknown key is reported at its own line; a missing field at its object.
    expect(check(yaml)).toEqual([
      'content/cards/x.yaml:6: card #1: field "cards.0.id": the field is missing (expected string)',
      'content/cards/x.yaml:9: card #1: field "cards.0.hint": unknown key "hint" (not a field of this schema; check the spelling)',
      'content/cards/x.yaml:4: field "colour": unknown key "colour" (not a field of this schema; check the spelling)',
    ]);
  });

  it('shows what it received', () => {
    expect(received(undefined)).toBe('nothing (the field is missing)');
    expect(received({ a: 1 })).toBe('{"a":1}');
    expect(received(() => 1)).toMatch(/=>/);
    expect(describeItem({ cards: [{ id: 'a' }] }, ['cards', 0, 'front'])).toBe('card "a"');
    expect(describeItem({}, ['title'])).toBeUndefined();
    expect(describeItem([{ x: 1 }], [0])).toBe('item #1');
  });

  it('explains a source reference that does not resolve', () => {
    const index = new Map([
      ['note', { title: 'Note', anchors: [{ id: 'cold-start', text: 'Cold start', depth: 2 }] }],
    ]);
    expect(checkSourceRef('note#cold-start', index)).toBeUndefined();
    expect(checkSourceRef('Note', index)).toMatch(/expected "<note-slug>#<heading-id>"/);
    expect(checkSourceRef('other#x', new Map())).toBe('no note has the slug "other" (notes: none)');
    expect(checkSourceRef('note#cold', index)).toBe(
      'note "note" has no heading with id "cold" (did you mean "cold-start"?)',
    );
    expect(checkSourceRef('note#zzz', index)).toBe('note "note" has no heading with id "zzz"');
  });
});
