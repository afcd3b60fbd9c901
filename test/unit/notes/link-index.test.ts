import { describe, expect, it } from 'vitest';
import {
  findAttachment,
  indexNote,
  isKnownUnresolved,
  linkProblems,
} from '../../../src/domain/notes/link-index.ts';

describe('indexNote', () => {
  it('reads a note as the build does: derived slug and title, aliases, headings, blocks, unresolved links', () => {
    const note = indexNote(
      'Databases/SQL vs NoSQL.md',
      '---\naliases: Relational vs document\nunresolvedLinks: [Gone]\n---\n## Pick one ^not-a-block\n\nA claim. ^claim\n\n%%\n## Hidden\n%%\n',
    );
    expect(note).toMatchObject({
      file: 'Databases/SQL vs NoSQL.md',
      slug: 'sql-vs-nosql',
      path: 'Databases/SQL vs NoSQL',
      title: 'SQL vs NoSQL',
      aliases: ['Relational vs document'],
      unresolved: ['Gone'],
      blocks: ['not-a-block', 'claim'],
    });
    expect(note?.headings.map((h) => h.id)).toEqual(['pick-one-not-a-block']);
  });

  it('leaves out notes that are not published, not valid YAML, or not valid MDX', () => {
    expect(indexNote('a.md', '---\ndraft: true\n---\ntext\n')).toBeUndefined();
    expect(indexNote('a.md', '---\ntitle: [unclosed\n---\ntext\n')).toBeUndefined();
    expect(indexNote('a.mdx', '---\ntitle: A\n---\n## H\n\nA {broken expression\n')).toBeUndefined();
    expect(indexNote('a.md', '---\ntags: 5\nslug: "Not A Slug"\n---\n')).toBeUndefined();
  });

  it('indexes a note without frontmatter by its file name', () => {
    expect(indexNote('Inbox/Quick thought.md', 'Just text.\n')).toMatchObject({
      slug: 'quick-thought',
      title: 'Quick thought',
    });
  });
});

describe('findAttachment', () => {
  const files = [
    'attachments/diagram.png',
    'Databases/diagram.png',
    'a/b/c/Deep.PNG',
    'Notion/My%20page/x.png',
  ];
  it('finds by file name, the linking note’s folder first, then the shortest path', () => {
    expect(findAttachment('diagram.png', 'Start.md', files)).toBe('attachments/diagram.png');
    expect(findAttachment('diagram.png', 'Databases/Note.md', files)).toBe('Databases/diagram.png');
    expect(findAttachment('deep.png', 'Start.md', files)).toBe('a/b/c/Deep.PNG');
  });
  it('finds by path, relative or URL-encoded, and returns undefined for nothing', () => {
    expect(findAttachment('./attachments/diagram.png', 'Databases/x.md', files)).toBe(
      'attachments/diagram.png',
    );
    expect(findAttachment('b/c/Deep.PNG', 'x.md', files)).toBe('a/b/c/Deep.PNG');
    expect(findAttachment('Notion/My%2520page/x.png', 'x.md', files)).toBe('Notion/My%20page/x.png');
    expect(findAttachment('100%.png', 'x.md', files)).toBeUndefined();
    expect(findAttachment('none.png', 'x.md', files)).toBeUndefined();
  });
});

describe('isKnownUnresolved', () => {
  const note = { unresolved: ['Gone', 'Sharding#Resharding', 'Caching#^old'] };
  it('matches by target, target#heading or block, case-insensitively', () => {
    expect(isKnownUnresolved(note, { raw: '[[gone|text]]', target: 'gone' })).toBe(true);
    expect(
      isKnownUnresolved(note, { raw: '[[Sharding#Resharding]]', target: 'Sharding', heading: 'Resharding' }),
    ).toBe(true);
    expect(isKnownUnresolved(note, { raw: '[[Caching#^old]]', target: 'Caching', block: 'old' })).toBe(true);
    expect(isKnownUnresolved(note, { raw: '[[Sharding#Other]]', target: 'Sharding', heading: 'Other' })).toBe(
      false,
    );
    expect(isKnownUnresolved(undefined, { raw: '[[Gone]]', target: 'Gone' })).toBe(false);
    expect(isKnownUnresolved({ unresolved: [] }, { raw: '[[Gone]]', target: 'Gone' })).toBe(false);
  });
});

describe('linkProblems', () => {
  const caching = indexNote('Systems/Caching.mdx', '---\ntitle: Caching\n---\n## Layers\n')!;
  const start = indexNote('Start.mdx', '---\ntitle: Start\nunresolvedLinks: [Gone]\n---\n## Practise\n')!;
  const index = { notes: [caching, start], attachments: ['attachments/a.png'] };
  it('lists every link that points at nothing, with its line in the body; recorded ones and code are fine', () => {
    const body = [
      '[[Caching]] [[Caching#Layers]] [[#Practise]] ![[a.png]] [[Gone]]',
      '`[[In code]]` %%[[In a comment]]%%',
      '[[Nowhere]] and [[Caching#Nope]]',
      '![[missing.png]] ![[doc.pdf]] [[#Missing here]]',
    ].join('\n');
    expect(linkProblems(body, start, index)).toEqual([
      { line: 3, message: '[[Nowhere]]: no note is named "Nowhere"' },
      { line: 3, message: '[[Caching#Nope]]: note "Caching" has no heading "Nope" (headings: "Layers")' },
      { line: 4, message: 'embedded file not found: ![[missing.png]]' },
      { line: 4, message: 'embedded file not found: ![[doc.pdf]]' },
      {
        line: 4,
        message: '[[#Missing here]]: note "Start" has no heading "Missing here" (headings: "Practise")',
      },
    ]);
  });
  it('names a missing block and a note without headings', () => {
    const bare = indexNote('Bare.md', '---\ntitle: Bare\n---\ntext ^real\n')!;
    expect(
      linkProblems('[[Bare#^nope]] [[Bare#^real]] [[Bare#H]]', start, { notes: [bare], attachments: [] }),
    ).toEqual([
      { line: 1, message: '[[Bare#^nope]]: note "Bare" has no block ^nope (headings: none)' },
      { line: 1, message: '[[Bare#H]]: note "Bare" has no heading "H" (headings: none)' },
    ]);
  });
});
