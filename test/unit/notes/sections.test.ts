import { describe, expect, it } from 'vitest';
import {
  ROOT_TITLE,
  buildSections,
  checkSectionFile,
  countLabel,
  flattenSections,
  folderOf,
  isFlat,
  placeNotes,
  prettifyFolder,
  readingOrder,
  sectionId,
  windowAround,
} from '../../../src/domain/notes/sections.ts';

const note = (slug: string, order: number, title = slug) => ({ data: { slug, order, title } });

// A pile shaped like a real one: a few notes at the top, topic folders, a nested folder.
const notes = [
  note('welcome', 1, 'Start here'),
  note('dns', 1, 'DNS'),
  note('load-balancers', 2, 'Load balancers'),
  note('tcp', 2, 'TCP vs UDP'),
  note('caching', 1, 'Caching'),
  note('replication', 2, 'Replication'),
  note('sharding', 1, 'Sharding'),
  note('indexes', 2, 'Indexes'),
];
const folders = new Map([
  ['welcome', ''],
  ['dns', 'networking'],
  ['load-balancers', 'networking'],
  ['tcp', 'networking'],
  ['caching', 'storage'],
  ['replication', 'storage'],
  ['sharding', 'storage/02-databases'],
  ['indexes', 'storage/02-databases'],
]);

describe('prettifyFolder', () => {
  it.each([
    ['system-design', 'System design'],
    ['system_design__basics', 'System design basics'],
    ['02-databases', 'Databases'],
    ['01 - Networking', 'Networking'],
    ['3) Caching', 'Caching'],
    ['API Design', 'API Design'],
    ['2024', '2024'],
    ['---', '---'],
  ])('%s → %s', (name, title) => expect(prettifyFolder(name)).toBe(title));
});

describe('folderOf and sectionId', () => {
  it('finds the folder of a note file', () => {
    expect(folderOf('note.mdx')).toBe('');
    expect(folderOf('a/b/note.mdx')).toBe('a/b');
    expect(folderOf('a\\b\\note.mdx')).toBe('a/b');
  });

  it('makes URL-safe ids', () => {
    expect(sectionId('')).toBe('notes');
    expect(sectionId('storage/02-databases')).toBe('storage--02-databases');
    expect(sectionId('Système Design/API & REST')).toBe('systeme-design--api-rest');
  });
});

describe('buildSections', () => {
  const root = buildSections(notes, folders);

  it('follows the folder tree with counts, the top-level notes in the root', () => {
    expect(root.title).toBe(ROOT_TITLE);
    expect(root.count).toBe(8);
    expect(root.notes.map((n) => n.data.slug)).toEqual(['welcome']);
    expect(root.children.map((c) => [c.title, c.count, c.depth])).toEqual([
      ['Networking', 3, 1],
      ['Storage', 4, 1],
    ]);
    const storage = root.children[1];
    expect(storage?.children.map((c) => [c.path, c.title, c.count, c.depth])).toEqual([
      ['storage/02-databases', 'Databases', 2, 2],
    ]);
  });

  it('sorts notes by order then title, and sections by their configured order then title', () => {
    const configs = new Map([
      ['storage', { order: 1 }],
      ['networking', { title: 'Networking basics', order: 2 }],
      ['', { title: 'Overview' }],
    ]);
    const configured = buildSections(notes, folders, configs);
    expect(configured.title).toBe('Overview');
    expect(configured.children.map((c) => c.title)).toEqual(['Storage', 'Networking basics']);
    expect(configured.children[1]?.notes.map((n) => n.data.title)).toEqual([
      'DNS',
      'Load balancers',
      'TCP vs UDP',
    ]);
  });

  it('puts sections with an order before those without, which sort by title', () => {
    const tree = buildSections(
      [note('a', 1), note('b', 1), note('c', 1)],
      new Map([
        ['a', 'zeta'],
        ['b', 'alpha'],
        ['c', 'mid'],
      ]),
      new Map([['zeta', { order: 0 }]]),
    );
    expect(tree.children.map((c) => c.path)).toEqual(['zeta', 'alpha', 'mid']);
  });

  it('creates the folders on the way to a deep note, and treats a note with no known folder as top level', () => {
    const tree = buildSections([note('deep', 1), note('lost', 1)], new Map([['deep', 'a/b/c']]));
    expect(flattenSections(tree).map((s) => [s.path, s.count])).toEqual([
      ['', 2],
      ['a', 1],
      ['a/b', 1],
      ['a/b/c', 1],
    ]);
    expect(tree.notes.map((n) => n.data.slug)).toEqual(['lost']);
  });

  it('is flat when every note is at the top level (the site today)', () => {
    expect(isFlat(buildSections([note('a', 1), note('b', 2)], new Map()))).toBe(true);
    expect(isFlat(root)).toBe(false);
  });
});

describe('reading order and places', () => {
  const root = buildSections(notes, folders);

  it('reads each section’s notes, then its subsections’, depth-first', () => {
    expect(readingOrder(root).map((n) => n.data.slug)).toEqual([
      'welcome',
      'dns',
      'load-balancers',
      'tcp',
      'caching',
      'replication',
      'sharding',
      'indexes',
    ]);
  });

  it('gives prev/next within a section only, and the position in it', () => {
    const places = placeNotes(root);
    const dns = places.get('dns');
    expect(dns?.prev).toBeUndefined();
    expect(dns?.next?.data.slug).toBe('load-balancers');
    expect([dns?.position, dns?.of]).toEqual([1, 3]);
    const tcp = places.get('tcp');
    expect(tcp?.next).toBeUndefined();
    expect(tcp?.prev?.data.slug).toBe('load-balancers');
    // The last note of "storage" does not lead into its subfolder, nor the subfolder back out.
    expect(places.get('replication')?.next).toBeUndefined();
    expect(places.get('sharding')?.prev).toBeUndefined();
    expect(places.get('welcome')?.next).toBeUndefined();
  });

  it('records the way down to each note', () => {
    const places = placeNotes(root);
    expect(places.get('sharding')?.trail.map((s) => s.title)).toEqual([ROOT_TITLE, 'Storage', 'Databases']);
    expect(places.get('welcome')?.trail.map((s) => s.path)).toEqual(['']);
    expect(places.get('sharding')?.section.path).toBe('storage/02-databases');
  });

  it('scales linearly: 500 notes in 20 folders in a few milliseconds', () => {
    const many = Array.from({ length: 500 }, (_, i) => note(`n-${i}`, i));
    const where = new Map(many.map((n, i) => [n.data.slug, `topic-${i % 20}/sub-${i % 3}`]));
    const started = performance.now();
    const tree = buildSections(many, where);
    const places = placeNotes(tree);
    expect(places.size).toBe(500);
    expect(tree.children).toHaveLength(20);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('checkSectionFile', () => {
  const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

  it('reads a title and an order, with the folder relative to the notes folder', () => {
    const result = checkSectionFile(
      file('content/notes/storage/02-databases/_section.yaml', 'title: Databases\norder: 2\n'),
      'content/notes',
    );
    expect(result.errors).toEqual([]);
    expect(result.folder).toBe('storage/02-databases');
    expect(result.checked?.data).toEqual({ title: 'Databases', order: 2 });
    expect(
      checkSectionFile(file('content/notes/_section.yaml', 'title: Overview\n'), 'content/notes/').folder,
    ).toBe('');
  });

  it('names file, line and field for a bad value or an unknown key', () => {
    const result = checkSectionFile(
      file('content/notes/storage/_section.yaml', '# storage\ntitle: Storage\norder: first\ntitel: x\n'),
      'content/notes',
    );
    expect(result.checked).toBeUndefined();
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'content/notes/storage/_section.yaml', line: 3, field: 'order' }),
        expect.objectContaining({ line: 4, field: 'titel', message: expect.stringContaining('unknown key') }),
      ]),
    );
  });

  it('names the line of broken YAML', () => {
    const result = checkSectionFile(file('notes/a/_section.yaml', 'title: [unclosed\n'), 'notes');
    expect(result.errors[0]).toMatchObject({
      file: 'notes/a/_section.yaml',
      message: expect.stringContaining('not valid YAML'),
    });
  });
});

describe('countLabel', () => {
  it('says one note or n notes', () => {
    expect(countLabel(1)).toBe('1 note');
    expect(countLabel(0)).toBe('0 notes');
    expect(countLabel(12)).toBe('12 notes');
  });
});

describe('windowAround', () => {
  const items = Array.from({ length: 40 }, (_, i) => i);

  it('keeps a short list whole', () => {
    expect(windowAround([1, 2, 3], 1)).toEqual({ shown: [1, 2, 3], start: 0, before: 0, after: 0 });
  });

  it('centres a long list on the item, at most `size` long', () => {
    expect(windowAround(items, 20, 5)).toEqual({
      shown: [18, 19, 20, 21, 22],
      start: 18,
      before: 18,
      after: 17,
    });
  });

  it('stays inside the list at either end', () => {
    expect(windowAround(items, 0, 5)).toMatchObject({ shown: [0, 1, 2, 3, 4], before: 0, after: 35 });
    expect(windowAround(items, 39, 5)).toMatchObject({ shown: [35, 36, 37, 38, 39], before: 35, after: 0 });
    expect(windowAround(items, -1, 5)).toMatchObject({ start: 0 });
  });
});
