import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { derivedStore, memo, memoAsync, memoKey, setDerivedStore } from '../../../src/domain/content/memo.ts';
import {
  createDerivedStore,
  derivedVersion,
  KEEP_BUILDS,
  readDerivedFile,
  writeDerivedFile,
} from '../../../src/integrations/derived-cache.ts';

afterEach(() => setDerivedStore(undefined));

/** Counts the calls of a derivation. */
function counted<T>(value: () => T) {
  const fn = () => {
    fn.calls += 1;
    return value();
  };
  fn.calls = 0;
  return fn;
}

describe('memo', () => {
  it('computes every time when no build has opened a store (dev, tests, tools)', () => {
    expect(derivedStore()).toBeUndefined();
    const derive = counted(() => ({ headings: ['a'] }));
    memo('kind', 'input', derive);
    memo('kind', 'input', derive);
    expect(derive.calls).toBe(2);
  });

  it('computes once per kind and input within a build, and hands out copies a caller may change', () => {
    setDerivedStore(createDerivedStore().store);
    const derive = counted(() => ({ headings: ['a'], byId: new Map([['a', 1]]), missing: undefined }));
    const first = memo('anchors', 'body', derive);
    first.headings.push('changed by a caller');
    const second = memo('anchors', 'body', derive);
    expect(derive.calls).toBe(1);
    // What a rebuild reads back, Maps and undefined fields included; not the caller's edit.
    expect(second).toStrictEqual({ headings: ['a'], byId: new Map([['a', 1]]), missing: undefined });
    memo('anchors', 'another body', derive);
    memo('tables', 'body', derive);
    expect(derive.calls).toBe(3);
  });

  it('keeps asynchronous results too, and never keeps a failure', async () => {
    setDerivedStore(createDerivedStore().store);
    const compile = counted(async () => null);
    await memoAsync('compile', 'body', compile);
    expect(await memoAsync('compile', 'body', compile)).toBeNull();
    expect(compile.calls).toBe(1);
    let attempts = 0;
    const failing = () => {
      attempts += 1;
      throw new Error('not valid');
    };
    expect(() => memo('check', 'bad body', failing)).toThrow('not valid');
    expect(() => memo('check', 'bad body', failing)).toThrow('not valid');
    expect(attempts).toBe(2);
    await expect(memoAsync('compile', 'bad', async () => failing())).rejects.toThrow('not valid');
  });

  it('keys calls of several arguments without ambiguity', () => {
    expect(memoKey('a\0b', 'c')).not.toBe(memoKey('a', 'b\0c'));
    expect(memoKey('note', ['x'])).toBe(memoKey('note', ['x']));
  });
});

describe('the store across builds', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const temp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradeoffs-derived-'));
    dirs.push(dir);
    return dir;
  };

  it('reads back what the last build kept, for the same code only', async () => {
    const file = join(temp(), 'cache', 'derived.bin');
    const first = createDerivedStore(new Map(), 1);
    setDerivedStore(first.store);
    memo('anchors', 'body', () => [{ id: 'a' }]);
    await writeDerivedFile(file, { version: 'v1', build: 1, entries: first.kept() });

    const again = await readDerivedFile(file, 'v1');
    expect(again.build).toBe(1);
    const second = createDerivedStore(again.entries, 2);
    setDerivedStore(second.store);
    const derive = counted(() => [{ id: 'stale' }]);
    expect(memo('anchors', 'body', derive)).toEqual([{ id: 'a' }]);
    expect(derive.calls).toBe(0);
    expect(second.stats()).toEqual({ hits: 1, made: 0 });

    // Other code (or settings): nothing is reused.
    expect((await readDerivedFile(file, 'v2')).entries.size).toBe(0);
    // No file yet, or a damaged one: an empty store.
    expect((await readDerivedFile(join(temp(), 'none.bin'), 'v1')).entries.size).toBe(0);
    writeFileSync(file, 'not a store');
    expect(await readDerivedFile(file, 'v1')).toEqual({ build: 0, entries: new Map() });
  });

  it(`drops what no build used for ${KEEP_BUILDS} builds, keeps what a build skipped`, () => {
    const old = createDerivedStore(new Map(), 1);
    setDerivedStore(old.store);
    memo('gate-check', 'quiz text', () => 'ok');
    memo('anchors', 'body', () => []);
    let entries = old.kept();
    for (let build = 2; build <= KEEP_BUILDS; build++) {
      const next = createDerivedStore(entries, build);
      setDerivedStore(next.store);
      memo('anchors', 'body', () => []); // the gate's entry is not used by these builds
      entries = next.kept();
    }
    expect(entries.size).toBe(2);
    const last = createDerivedStore(entries, KEEP_BUILDS + 1);
    setDerivedStore(last.store);
    memo('anchors', 'body', () => []);
    expect(last.kept().size).toBe(1);
  });

  it('versions by the source code, the lockfile and the settings', async () => {
    const root = temp();
    mkdirSync(join(root, 'src/domain'), { recursive: true });
    writeFileSync(join(root, 'src/domain/anchors.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const base = await derivedVersion(root, { base: '/' });
    expect(await derivedVersion(root, { base: '/' })).toBe(base);
    expect(await derivedVersion(root, { base: '/repo/' })).not.toBe(base);
    writeFileSync(join(root, 'src/domain/anchors.ts'), 'export const a = 2;');
    const edited = await derivedVersion(root, { base: '/' });
    expect(edited).not.toBe(base);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(await derivedVersion(root, { base: '/' })).not.toBe(edited);
    const env = process.env.TRADEOFFS_NOTES_DIR;
    process.env.TRADEOFFS_NOTES_DIR = 'elsewhere';
    try {
      expect(await derivedVersion(root, { base: '/' })).not.toBe(edited);
    } finally {
      if (env === undefined) delete process.env.TRADEOFFS_NOTES_DIR;
      else process.env.TRADEOFFS_NOTES_DIR = env;
    }
  });
});
