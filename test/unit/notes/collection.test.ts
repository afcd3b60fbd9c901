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
import { NoteSchema } from '../../../src/schemas/note.ts';

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
    expect(NoteSchema.parse(valid)).toEqual(valid);
  });
  it.each([
    ['slug with spaces', { slug: 'A B' }],
    ['empty title', { title: '  ' }],
    ['no tags', { tags: [] }],
    ['negative order', { order: -1 }],
    ['fractional order', { order: 1.5 }],
    ['unknown key', { draft: true }],
  ])('rejects %s', (_, change) => {
    expect(NoteSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
