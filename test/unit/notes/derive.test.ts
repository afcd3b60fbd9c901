import { describe, expect, it } from 'vitest';
import { deriveNoteFields, noteName, stripNotionId } from '../../../src/domain/notes/derive.ts';

describe('fields derived for a note that leaves them out', () => {
  it('names a note after its file, without folder, extension or Notion id', () => {
    expect(noteName('Databases/Indexes/B-tree indexes.md')).toBe('B-tree indexes');
    expect(noteName('Notion/Prep 0123456789abcdef0123456789abcdef.md')).toBe('Prep');
    expect(noteName('a\\b\\c.mdx')).toBe('c');
    expect(stripNotionId('0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
  });

  it('fills only what is missing', () => {
    expect(
      deriveNoteFields(null, { path: 'Caching/Write behind.md', body: '\nFirst paragraph.\n\nSecond.' }),
    ).toEqual({
      title: 'Write behind',
      slug: 'write-behind',
      summary: 'First paragraph.',
    });
    const written = { title: 'T', slug: 's', summary: 'S', extra: 1 };
    expect(deriveNoteFields(written, { path: 'x.md', body: 'Other.' })).toEqual(written);
  });

  it('uses the description, else the first paragraph, else the title as the summary', () => {
    expect(deriveNoteFields({ description: '  Why.  ' }, { path: 'a.md', body: 'Body.' })).toMatchObject({
      summary: 'Why.',
    });
    expect(deriveNoteFields({ description: ' ' }, { path: 'a.md', body: 'Body.' })).toMatchObject({
      summary: 'Body.',
    });
    expect(deriveNoteFields({}, { path: 'a.md', body: '## Only a heading' })).toMatchObject({ summary: 'a' });
  });

  it('gives a name with no letters a slug anyway, and leaves frontmatter that is not a mapping to the schema', () => {
    expect(deriveNoteFields(undefined, { path: '!!!.md', body: 'x' })).toMatchObject({ slug: 'note' });
    expect(deriveNoteFields(['a'], { path: 'a.md', body: '' })).toEqual(['a']);
    expect(deriveNoteFields('text', { path: 'a.md', body: '' })).toBe('text');
  });
});
