import { describe, expect, it } from 'vitest';
import { noteAnchors } from '../../../src/domain/notes/anchors.ts';
import {
  type LinkableNote,
  blockAnchorId,
  findNote,
  maskCode,
  noteHref,
  parseBlockIds,
  parseWikiLinks,
  resolveWikiLink,
} from '../../../src/domain/notes/wikilinks.ts';

const note = (path: string, extra: Partial<LinkableNote> = {}, body = ''): LinkableNote => ({
  slug: path.split('/').at(-1)!.toLowerCase().replace(/\s+/g, '-'),
  path,
  title: path.split('/').at(-1)!,
  aliases: [],
  headings: noteAnchors(body),
  ...extra,
});

describe('parseWikiLinks', () => {
  it('reads target, heading, label and offsets of every form', () => {
    const md =
      'See [[Caching]], [[Caching|the cache]], [[Caching#Write-through]], [[Caching#Write back|wb]] and [[#Pros]].';
    const links = parseWikiLinks(md);
    expect(links.map(({ start: _s, end: _e, ...l }) => l)).toEqual([
      { raw: '[[Caching]]', target: 'Caching', embed: false },
      { raw: '[[Caching|the cache]]', target: 'Caching', label: 'the cache', embed: false },
      { raw: '[[Caching#Write-through]]', target: 'Caching', heading: 'Write-through', embed: false },
      {
        raw: '[[Caching#Write back|wb]]',
        target: 'Caching',
        heading: 'Write back',
        label: 'wb',
        embed: false,
      },
      { raw: '[[#Pros]]', target: '', heading: 'Pros', embed: false },
    ]);
    for (const l of links) expect(md.slice(l.start, l.end)).toBe(l.raw);
  });

  it('reads embeds, block references, nested headings and the table-cell separator', () => {
    const links = parseWikiLinks(
      '![[diagram.png]] ![[Note#Part]] [[Note#^abc-1]] [[Note#A#B]] | [[Note\\|cell]] |',
    );
    expect(links.map(({ start: _s, end: _e, raw: _r, ...l }) => l)).toEqual([
      { target: 'diagram.png', embed: true },
      { target: 'Note', heading: 'Part', embed: true },
      { target: 'Note', block: 'abc-1', embed: false },
      { target: 'Note', heading: 'B', embed: false },
      { target: 'Note', label: 'cell', embed: false },
    ]);
  });

  it('skips code spans and fences, and empty links', () => {
    const md = [
      'Real [[One]] and `[[not a link]]` and ``a ` [[nor this]]``.',
      '```md',
      '[[Inside fence]]',
      '```',
      '~~~',
      '[[Tilde fence]]',
      '~~~',
      '[[]] [[  ]] [[Two]]',
    ].join('\n');
    expect(parseWikiLinks(md).map((l) => l.target)).toEqual(['One', 'Two']);
  });

  it('treats an unclosed fence as running to the end of the file', () => {
    expect(parseWikiLinks('[[A]]\n```\n[[B]]\n')).toHaveLength(1);
  });

  it('keeps offsets when masking code', () => {
    const md = 'a `b` c\n```\nx\n```\n';
    expect(maskCode(md)).toHaveLength(md.length);
    expect(maskCode(md)).toBe('a     c\n   \n \n   \n');
  });

  it('ignores a trailing empty label', () => {
    expect(parseWikiLinks('[[Note|]]')[0]).not.toHaveProperty('label');
  });
});

describe('resolveWikiLink', () => {
  const caching = note(
    'Caching',
    { aliases: ['Cache layer'] },
    '## Write-through\n\n## Write back\n\n## Pros & Cons\n',
  );
  const dbCaching = note('databases/Caching', { slug: 'db-caching' });
  const deepCaching = note('a/b/Caching', { slug: 'deep-caching' });
  const sharding = note('databases/Sharding', { title: 'Sharding in practice', blocks: ['key-1'] });
  const notes = [deepCaching, dbCaching, caching, sharding];

  it('finds a note by file name, case-insensitively, shortest path first', () => {
    expect(resolveWikiLink({ target: 'caching' }, undefined, notes)).toEqual({ kind: 'note', note: caching });
  });

  it("prefers a note in the linking note's own folder", () => {
    expect(resolveWikiLink({ target: 'Caching' }, sharding, notes)).toEqual({
      kind: 'note',
      note: dbCaching,
    });
  });

  it('finds a note by path, title, alias, slug, with an extension or URL-encoded', () => {
    expect(findNote('a/b/Caching', undefined, notes)).toBe(deepCaching);
    expect(findNote('b/caching.md', undefined, notes)).toBe(deepCaching);
    expect(findNote('sharding in PRACTICE', undefined, notes)).toBe(sharding);
    expect(findNote('cache layer', undefined, notes)).toBe(caching);
    expect(findNote('db-caching', undefined, notes)).toBe(dbCaching);
    expect(findNote('databases/Sharding.mdx', undefined, notes)).toBe(sharding);
    expect(findNote('databases%2FSharding', undefined, notes)).toBe(sharding);
    expect(findNote('../databases/Sharding.md', undefined, notes)).toBe(sharding);
    expect(findNote('100%', undefined, notes)).toBeUndefined();
    expect(findNote('  ', undefined, notes)).toBeUndefined();
  });

  it('prefers a file name over another note titled the same', () => {
    const titled = note('Other', { title: 'Caching' });
    expect(findNote('Caching', undefined, [titled, caching])).toBe(caching);
  });

  it('falls back from a path that names no note to the file name', () => {
    expect(findNote('elsewhere/Sharding', undefined, notes)).toBe(sharding);
  });

  it('resolves headings to the ids the page uses, by text or by slug', () => {
    expect(resolveWikiLink({ target: 'Caching', heading: 'write back' }, undefined, notes)).toEqual({
      kind: 'note',
      note: caching,
      anchor: 'write-back',
    });
    expect(resolveWikiLink({ target: 'Caching', heading: 'Pros & Cons' }, undefined, notes)).toMatchObject({
      anchor: 'pros--cons',
    });
    expect(resolveWikiLink({ target: 'Caching', heading: 'write-through' }, undefined, notes)).toMatchObject({
      anchor: 'write-through',
    });
  });

  it('resolves [[#Heading]] in the linking note', () => {
    expect(resolveWikiLink({ target: '', heading: 'Write back' }, caching, notes)).toMatchObject({
      note: caching,
      anchor: 'write-back',
    });
    expect(resolveWikiLink({ target: '', heading: 'Write back' }, undefined, notes)).toEqual({
      kind: 'missing-note',
    });
  });

  it('reports a missing note and a missing heading (with the note, for a link to its top)', () => {
    expect(resolveWikiLink({ target: 'Nope' }, caching, notes)).toEqual({ kind: 'missing-note' });
    expect(resolveWikiLink({ target: 'Caching', heading: 'Nope' }, undefined, notes)).toEqual({
      kind: 'missing-heading',
      note: caching,
    });
  });

  it('resolves block ids, checked when the note lists its blocks', () => {
    expect(resolveWikiLink({ target: 'Sharding', block: 'KEY-1' }, undefined, notes)).toEqual({
      kind: 'note',
      note: sharding,
      anchor: 'block-key-1',
    });
    expect(resolveWikiLink({ target: 'Sharding', block: 'nope' }, undefined, notes)).toEqual({
      kind: 'missing-heading',
      note: sharding,
    });
    expect(resolveWikiLink({ target: 'Caching', block: 'any' }, undefined, notes)).toMatchObject({
      anchor: 'block-any',
    });
  });
});

describe('parseBlockIds', () => {
  it('finds ids at line ends and alone on a line, not in code', () => {
    expect(parseBlockIds('A claim. ^claim-1\n\n- item ^item\n\n^alone\n\n`x ^code`\n\nnot^this\n')).toEqual([
      'claim-1',
      'item',
      'alone',
    ]);
  });
});

describe('links', () => {
  it('writes one href shape', () => {
    expect(noteHref('caching')).toBe('/notes/caching/');
    expect(noteHref('caching', 'pros')).toBe('/notes/caching/#pros');
    expect(blockAnchorId('Key')).toBe('block-key');
  });
});
