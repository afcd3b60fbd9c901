import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkNoteFile, checkNotes, formatContentError } from '../../../src/domain/content/gate.ts';
import { gateNotes } from '../../../src/integrations/load-notes.ts';
import { NoteSchema } from '../../../src/schemas/note.ts';

const MALFORMED = 'test/fixtures/malformed/notes';

async function messages(fixture: string): Promise<string[]> {
  const { errors } = await gateNotes(process.cwd(), `${MALFORMED}/${fixture}`);
  return errors.map(formatContentError);
}

describe('content gate on malformed notes (each names file, line where known, and field)', () => {
  const cases: [string, RegExp[]][] = [
    [
      'bad-frontmatter',
      [/bad-frontmatter\/bad\.mdx:3: frontmatter is not valid YAML: Missing closing "quote$/],
    ],
    ['binary-file', [/binary-file\/binary\.mdx: the file is binary \(it contains NUL bytes\)/]],
    [
      'duplicate-slug',
      [
        /duplicate-slug\/b\.mdx: field "slug": duplicate slug "same-slug": .*duplicate-slug\/a\.mdx already uses it/,
      ],
    ],
    ['empty-body', [/empty-body\.mdx:9: the note has no body text/]],
    ['empty-file', [/empty-file\/empty\.mdx: the file is empty/]],
    ['mdx-breaking', [/mdx-breaking\.mdx:10: not valid MDX: Expected a closing tag for `<br>`/]],
    [
      'schema-error',
      [
        /schema-error\.mdx:3: field "slug": expected a slug: lower-case words joined by hyphens; received "Schema Error"/,
        /schema-error\.mdx:5: field "order": Invalid input: expected number, received string; received "first"/,
      ],
    ],
    [
      'bad-fields',
      [
        /bad-fields\.mdx:3: field "tags": tag "!!!" has no letters/,
        /bad-fields\.mdx:4: field "created": expected a date like 2024-03-02; received "not a date"/,
        /bad-fields\.mdx:5: field "draft": Invalid input: expected boolean, received string/,
      ],
    ],
    [
      'duplicate-across-folders',
      [
        /duplicate-across-folders\/Databases\/Caching\.mdx: field "slug": duplicate slug "caching": .*duplicate-across-folders\/Caching\/caching\.md already uses it/,
      ],
    ],
    [
      'unclosed-frontmatter',
      [/unclosed\.mdx:1: frontmatter starts with `---` but has no closing `---` line/],
    ],
    ['unclosed-fence', [/unclosed-fence\.mdx:12: code fence is never closed/]],
  ];
  for (const [fixture, expected] of cases) {
    it(fixture, async () => {
      const found = await messages(fixture);
      expect(found).toHaveLength(expected.length);
      expected.forEach((pattern, i) => expect(found[i]).toMatch(pattern));
    });
  }
});

describe('content gate on valid notes', () => {
  it('accepts the valid fixture and returns its data and body position', async () => {
    const { notes, errors } = await gateNotes(process.cwd(), 'test/fixtures/valid/notes');
    expect(errors).toEqual([]);
    expect(notes[0]?.data.slug).toBe('valid-note');
    expect(notes[0]?.bodyLine).toBe(9);
  });

  it('accepts every committed note', async () => {
    const { files, errors } = await gateNotes();
    expect(errors.map(formatContentError)).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
  });

  it('rejects text that is not UTF-8', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\ntitle: x\n---\n'), 0xff, 0xfe, 0x41]);
    const { errors } = checkNoteFile({ path: 'n.mdx', bytes }, NoteSchema);
    expect(errors[0]?.message).toMatch(/not valid UTF-8/);
  });

  it('reports an empty collection', () => {
    expect(checkNotes([], NoteSchema).errors[0]?.message).toBe('no notes found');
  });

  it('accepts hand-written notes in subfolders: no frontmatter, no title, tags as a string, unknown fields', async () => {
    const { notes, errors } = await gateNotes(process.cwd(), 'test/fixtures/handwritten/notes');
    expect(errors.map(formatContentError)).toEqual([]);
    const bySlug = new Map(notes.map((n) => [n.data.slug, n]));
    expect([...bySlug.keys()].sort()).toEqual(['b-trees', 'draft', 'just-markdown', 'missing-title']);
    // No frontmatter at all: title and slug from the file name, summary from the first paragraph.
    expect(bySlug.get('just-markdown')?.data).toMatchObject({
      title: 'Just markdown',
      summary: 'No frontmatter.',
      tags: [],
      aliases: [],
    });
    expect(bySlug.get('just-markdown')?.bodyLine).toBe(1);
    expect(bySlug.get('missing-title')?.data.title).toBe('missing-title');
    // Nested tag: the parent and the joined form; description is the summary; unknown fields kept.
    expect(bySlug.get('b-trees')?.data).toMatchObject({
      tags: ['databases', 'databases-indexes', 'storage'],
      aliases: ['B+ tree'],
      summary: 'Sorted pages a few kilobytes wide.',
      created: '2024-02-11',
      cssclasses: ['wide'],
    });
    expect(bySlug.get('b-trees')?.file).toBe('test/fixtures/handwritten/notes/Databases/Indexes/B-trees.md');
    expect(bySlug.get('draft')?.data.draft).toBe(true);
  });

  it('accepts CRLF frontmatter', () => {
    const text = readFileSync('test/fixtures/valid/notes/valid-note.mdx', 'utf8').replace(/\n/g, '\r\n');
    const { errors } = checkNoteFile({ path: 'crlf.mdx', bytes: new TextEncoder().encode(text) }, NoteSchema);
    expect(errors).toEqual([]);
  });
});
