import { describe, expect, it } from 'vitest';
import {
  countDiagrams,
  groupByTag,
  neighbours,
  readingMinutes,
  sortNotes,
  tableOfContents,
  tagLabel,
} from '../../../src/domain/notes/collection.ts';
import { isPublished, NoteSchema, slugify, tagSlugs, UNORDERED } from '../../../src/schemas/note.ts';

const note = (slug: string, order: number, tags: string[] = [], title = slug) => ({
  id: slug,
  data: { slug, order, tags, title },
});

describe('reading order', () => {
  const notes = [note('c', 30), note('a', 10), note('b2', 20, [], 'Beta'), note('b1', 20, [], 'Alpha')];

  it('sorts by order, then title', () => {
    expect(sortNotes(notes).map((n) => n.id)).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('gives neighbours in that order, none past either end', () => {
    expect(neighbours(notes, 'b1')).toEqual({ prev: notes[1], next: notes[2] });
    expect(neighbours(notes, 'a')).toEqual({ next: notes[3] });
    expect(neighbours(notes, 'c')).toEqual({ prev: notes[2] });
    expect(neighbours(notes, 'missing')).toEqual({});
  });
});

describe('groupByTag', () => {
  it('maps each tag to its notes, tags sorted, notes in reading order', () => {
    const grouped = groupByTag([note('b', 2, ['scaling', 'cost']), note('a', 1, ['scaling'])]);
    expect([...grouped.keys()]).toEqual(['cost', 'scaling']);
    expect(grouped.get('scaling')?.map((n) => n.id)).toEqual(['a', 'b']);
  });
});

describe('tableOfContents', () => {
  it('nests h3 under the preceding h2 and drops other depths', () => {
    const toc = tableOfContents([
      { depth: 1, slug: 't', text: 'Title' },
      { depth: 3, slug: 'orphan', text: 'Orphan' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'deep', text: 'Deep' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc).toEqual([
      { depth: 3, slug: 'orphan', text: 'Orphan', children: [] },
      { depth: 2, slug: 'a', text: 'A', children: [{ depth: 3, slug: 'a1', text: 'A1' }] },
      { depth: 2, slug: 'b', text: 'B', children: [] },
    ]);
  });
});

describe('readingMinutes and countDiagrams', () => {
  const body = [
    'Word '.repeat(440),
    '```mermaid',
    'graph TD',
    'A-->B '.repeat(500),
    '```',
    '~~~mermaid',
    'x',
    '~~~',
    '```js',
    'code',
    '```',
  ].join('\n');
  it('counts prose words only, at 220 a minute, at least one minute', () => {
    expect(readingMinutes(body)).toBe(2);
    expect(readingMinutes('')).toBe(1);
  });
  it('counts mermaid fences of either kind', () => {
    expect(countDiagrams(body)).toBe(2);
    expect(countDiagrams('no diagrams')).toBe(0);
  });
});

describe('tagLabel', () => {
  it('capitalises the first word and keeps the rest', () => {
    expect(tagLabel('load-balancing')).toBe('Load balancing');
    expect(tagLabel('cost')).toBe('Cost');
  });
});

describe('NoteSchema', () => {
  const valid = { title: 'T', slug: 'a-b', summary: 'S', tags: ['x'], order: 1, source: 'a.txt' };
  it('accepts a complete note', () => {
    expect(NoteSchema.parse(valid)).toEqual({ ...valid, aliases: [] });
  });
  it('keeps fields it does not know, and fills optional ones', () => {
    expect(
      NoteSchema.parse({ title: 'T', slug: 't', summary: 'S', cssclasses: ['wide'], rating: 4 }),
    ).toEqual({
      title: 'T',
      slug: 't',
      summary: 'S',
      tags: [],
      aliases: [],
      order: UNORDERED,
      cssclasses: ['wide'],
      rating: 4,
    });
  });
  it.each([
    ['a list', ['databases', 'Scaling Up'], ['databases', 'scaling-up']],
    ['a comma string', 'databases, scaling', ['databases', 'scaling']],
    ['nested tags, parents first, no repeats', ['db/sql', '#db/nosql'], ['db', 'db-sql', 'db-nosql']],
    ['Unicode and numbers', ['français', 2024], ['francais', '2024']],
  ])('reads tags given as %s', (_, tags, expected) => {
    expect(NoteSchema.parse({ ...valid, tags }).tags).toEqual(expected);
  });
  it('reads aliases as a list or a comma string, and dates as Date or text', () => {
    const note = NoteSchema.parse({
      ...valid,
      aliases: 'One, Two',
      created: new Date('2024-03-02T00:00:00Z'),
      updated: new Date('2024-05-19T10:30:00Z'),
      date: '2024-04-01',
      unresolvedLinks: ['Missing note', 'Other#Nope'],
    });
    expect(note).toMatchObject({
      aliases: ['One', 'Two'],
      created: '2024-03-02',
      updated: '2024-05-19T10:30:00.000Z',
      date: '2024-04-01',
      unresolvedLinks: ['Missing note', 'Other#Nope'],
    });
    expect(NoteSchema.parse({ ...valid, date: 'March 2, 2024' }).date).toMatch(/^2024-03-0[12]/);
  });
  it('tells published notes from drafts', () => {
    expect(isPublished({})).toBe(true);
    expect(isPublished({ draft: true })).toBe(false);
    expect(isPublished({ publish: false })).toBe(false);
    expect(isPublished({ draft: false, publish: true })).toBe(true);
  });
  it('slugifies any name readably', () => {
    expect(slugify('🚀')).toBe('rocket');
    expect(slugify('Écriture différée')).toBe('ecriture-differee');
    expect(slugify('缓存')).toBe('huancun');
    expect(tagSlugs('#a/B c/d')).toEqual(['a', 'a-b-c', 'a-b-c-d']);
  });
  it.each([
    ['slug with spaces', { slug: 'A B' }],
    ['empty title', { title: '  ' }],
    ['a tag with no letters', { tags: ['!!!'] }],
    ['a date that is no date', { created: 'soon' }],
    ['draft as text', { draft: 'yes' }],
    ['negative order', { order: -1 }],
    ['fractional order', { order: 1.5 }],
  ])('rejects %s', (_, change) => {
    expect(NoteSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
