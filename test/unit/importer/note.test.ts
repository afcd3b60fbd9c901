import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  finishNote,
  ImportError,
  noteBody,
  prepareNote,
  readNote,
  wantedSlug,
  wikiTarget,
} from '../../../src/domain/importer/note.ts';
import { parseWikiLinks } from '../../../src/domain/notes/wikilinks.ts';

const VAULT = 'test/fixtures/vault';
const raw = (name: string) => ({ name, bytes: readFileSync(join(VAULT, name)) });
const text = (name: string, body: string) => ({ name, bytes: new TextEncoder().encode(body) });
const links = { note: () => undefined, asset: () => undefined };
const importNote = (
  name: string | { name: string; bytes: Uint8Array },
  wiki?: Parameters<typeof finishNote>[2],
) => {
  const note = prepareNote(typeof name === 'string' ? raw(name) : name, { order: 10, links });
  return { note, mdx: finishNote(note, new Map(), wiki) };
};

describe('decoding', () => {
  it('reads UTF-16 with and without a byte-order mark, and UTF-8 with one', () => {
    const le = Buffer.from('# Hi\n\nText — “q”\n', 'utf16le');
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...le]))).toEqual({
      text: '# Hi\n\nText — “q”\n',
      encoding: 'UTF-16 LE',
    });
    expect(decodeText(le)).toEqual({ text: '# Hi\n\nText — “q”\n', encoding: 'UTF-16 LE' });
    const be = Buffer.from(le).swap16();
    expect(decodeText(Uint8Array.from([0xfe, 0xff, ...be]))).toMatchObject({ encoding: 'UTF-16 BE' });
    expect(decodeText(be)).toMatchObject({ text: '# Hi\n\nText — “q”\n', encoding: 'UTF-16 BE' });
    expect(decodeText(new TextEncoder().encode('\ufeff# A'))).toEqual({
      text: '# A',
      encoding: 'UTF-8 with BOM',
    });
    expect(decodeText(Uint8Array.of(0x89, 0x50, 0x00, 0x00, 0x1a))).toEqual({
      error: 'the file is binary (it contains NUL bytes), not a text note',
    });
  });

  it('imports the UTF-16 note of the vault and says it was decoded', () => {
    const { note, mdx } = importNote('Databases/Consistency models.md');
    expect(note.report.repaired).toContain('decoded from UTF-16 LE');
    expect(mdx).toContain('Saved by a Windows editor as UTF-16 — “linearizable” is the strongest model.');
    expect(mdx).toMatch(/^---\ntitle: Consistency models\n/);
  });
});

describe('frontmatter is the author’s', () => {
  it('keeps every field as written, in order, and adds only slug and source', () => {
    const { mdx } = importNote('Databases/Replication.md');
    expect(mdx.split('\n---\n')[0]).toBe(
      [
        '---',
        'title: Database replication',
        'aliases:',
        '  - Replicas',
        '  - Leader-follower replication',
        'tags:',
        '  - databases',
        '  - distributed-systems',
        'created: 2024-03-02',
        'updated: 2024-05-19T10:30:00',
        'rating: 4',
        'cssclasses: [wide]',
        'slug: database-replication',
        'source: Databases/Replication.md',
      ].join('\n'),
    );
  });

  it('takes the title from the frontmatter, else the first heading, else the file name (Notion id dropped)', () => {
    expect(readNote(raw('Databases/Sharding.md'))).toMatchObject({
      title: 'Sharding',
      titleFrom: 'file name',
    });
    expect(readNote(raw('Start here.md'))).toMatchObject({ title: 'Start here', titleFrom: 'heading' });
    const notion = readNote(raw('Notion export/Interview prep 0123456789abcdef0123456789abcdef.md'));
    expect(notion).toMatchObject({ title: 'Interview prep', titleFrom: 'heading' });
    expect(readNote(raw('Caching/Écriture différée.md'))).toMatchObject({ title: 'Écriture différée' });
    const emoji = readNote(raw('Networking/🚀.md'));
    expect(emoji.title).toBe('🚀');
    expect(wantedSlug(emoji)).toBe('rocket');
    expect(wantedSlug(readNote(raw('Caching/Écriture différée.md')))).toBe('ecriture-differee');
  });

  it('removes a first heading that repeats the frontmatter title', () => {
    const { note, mdx } = importNote('Caching/Caching.md');
    expect(mdx).not.toMatch(/^#+ Caching$/m);
    expect(mdx).toContain('## Where to cache');
    expect(note.report.repaired).toContain('heading that repeats the title removed');
  });

  it('keeps the author’s own `source` field', () => {
    const { mdx } = importNote(
      text('a.md', '---\nsource: Designing Data-Intensive Applications\n---\n\nText.\n'),
    );
    expect(mdx).toContain('source: Designing Data-Intensive Applications');
    expect(mdx).not.toContain('source: a.md');
  });

  it('marks drafts and publish: false as not for the site', () => {
    expect(readNote(raw('Networking/Rate limiter draft.md')).unpublished).toBe('draft: true');
    expect(readNote(raw('Networking/Private.md')).unpublished).toBe('publish: false');
    expect(readNote(raw('Databases/SQL vs NoSQL.md')).unpublished).toBeUndefined();
  });

  it.each([
    [
      'Inbox/Bad frontmatter.md',
      /^Inbox\/Bad frontmatter\.md:4: frontmatter is not valid YAML: Flow sequence/,
    ],
  ])('refuses %s whole, with file:line and YAML’s message', (file, message) => {
    expect(() => readNote(raw(file))).toThrow(ImportError);
    expect(() => readNote(raw(file))).toThrow(message);
  });

  it.each([
    ['---\ntitle: x\n\nBody.\n', 'n.md:1: frontmatter is never closed'],
    ['---\n- a\n- b\n---\n\nBody.\n', 'n.md:2: frontmatter must be `key: value` lines'],
    ['---\ntitle: T\ntags: {a: 1}\n---\n\nBody.\n', 'n.md:3: frontmatter field "tags": Invalid input'],
    [
      '---\ntitle: T\ncreated: someday\n---\n\nBody.\n',
      'n.md:3: frontmatter field "created": expected a date',
    ],
  ])('refuses broken frontmatter: %j', (body, message) => {
    expect(() => prepareNote(text('n.md', body), { order: 1, links })).toThrow(message);
  });
});

describe('body', () => {
  it('refuses math KaTeX cannot read, naming the line', () => {
    expect(() => importNote('Inbox/Estimation.md')).toThrow(
      /^Inbox\/Estimation\.md:12: math does not parse: .*\\frac\{/,
    );
  });

  it('leaves valid math and Obsidian syntax as written', () => {
    const { mdx } = importNote('Databases/Sharding.md');
    expect(mdx).toContain('$\\frac{n-1}{n}$');
    expect(mdx).toContain('$$\n\\text{moved} \\approx \\frac{K}{n}\n$$');
    const replication = importNote('Databases/Replication.md').mdx;
    for (const kept of [
      '> [!warning]- Asynchronous',
      '==Split brain==',
      '^election',
      '![[replication-lag.png]]',
      '[^lag]:',
      '%%\nTODO',
    ])
      expect(replication).toContain(kept);
  });

  it('removes unsafe HTML and reports each kind', () => {
    const { note, mdx } = importNote('Networking/Web security.md');
    expect(mdx).not.toMatch(/<script|onclick|javascript:/);
    expect(mdx).toContain('<kbd>Ctrl</kbd>');
    expect(mdx).toContain('List&lt;String>');
    expect(note.report.repaired).toEqual(
      expect.arrayContaining([
        'unsafe HTML removed: <script> (×1)',
        'unsafe HTML removed: onclick attribute on <p> (×1)',
        'unsafe HTML removed: javascript: URL in <a href> (×1)',
      ]),
    );
  });

  it('turns an HTML comment into an Obsidian comment and escapes braces in prose', () => {
    const { mdx } = importNote('Caching/Cache invalidation.md');
    expect(mdx).toContain('%% reviewer: add a diagram here %%');
    expect(mdx).toContain('Latency \\{p99\\} rises');
    expect(mdx).toContain('## 🚀');
  });

  it('memoises the body so headings can be read before links are resolved', () => {
    const note = prepareNote(raw('Databases/Sharding.md'), { order: 1, links });
    expect(noteBody(note)).toBe(noteBody(note));
  });
});

describe('wikilinks at import', () => {
  it('records unresolved targets as written, reports file lines, leaves the links in the text', () => {
    const missing = new Set(['Service mesh', 'Replication#No such heading']);
    const { note, mdx } = importNote('Networking/Load balancing.md', (link) =>
      missing.has(wikiTarget(link)) ? (link.heading ? 'missing-heading' : 'missing-note') : 'ok',
    );
    expect(mdx).toMatch(/\nunresolvedLinks:\n {2}- Replication#No such heading\n {2}- Service mesh\n---\n/);
    expect(mdx).toContain('[[Service mesh|the mesh note]]');
    expect(note.report.needsHuman).toEqual([
      'line 10: [[Replication#No such heading]] links to a section that does not exist (shown as a mark on the page)',
      'line 11: [[Service mesh|the mesh note]] links to a note that is not included (shown as a mark on the page)',
    ]);
  });

  it('writes no unresolvedLinks when everything resolves, and drops a stale list', () => {
    const stale = text('s.md', '---\ntitle: S\nunresolvedLinks: [Old]\n---\n\nSee [[Other]].\n');
    expect(importNote(stale).mdx).not.toContain('unresolvedLinks');
    const { mdx } = importNote(stale, (link) => (link.target === 'Other' ? 'missing-file' : 'ok'));
    expect(mdx).toContain('unresolvedLinks:\n  - Other\n');
  });

  it('takes the target before the label, for embeds too', () => {
    const [link, embed, table] = parseWikiLinks('[[A#B|c]] ![[img.png|200]] [[T\\|x]]');
    expect([link, embed, table].map((l) => l && wikiTarget(l))).toEqual(['A#B', 'img.png', 'T']);
  });
});

describe('Notion pages', () => {
  it('move the property lines under the title into frontmatter, keeping line numbers', () => {
    const { note, mdx } = importNote(
      text(
        'Prep 0123456789abcdef0123456789abcdef.md',
        '# Prep\n\nStatus: In progress\nTags: interviews, caching\nCreated: March 2, 2024\n\nThe real first paragraph.\n\n[[Gone]]\n',
      ),
      (link) => (link.target === 'Gone' ? 'missing-note' : 'ok'),
    );
    expect(mdx).toMatch(
      /^---\ntitle: Prep\nslug: prep\nsummary: The real first paragraph\.\ntags: interviews, caching\n/,
    );
    expect(mdx).toContain('status: In progress\nnotion-created: March 2, 2024\n');
    expect(mdx).not.toContain('Status: In progress\n\n');
    expect(note.report.needsHuman[0]).toMatch(/^line 9: \[\[Gone\]\]/);
    expect(note.report.repaired).toContain(
      'Notion page properties moved to frontmatter (status, tags, notion-created)',
    );
  });

  it('leaves text that only looks like properties in notes that are not Notion pages', () => {
    const { mdx } = importNote(text('Plain.md', '# Plain\n\nNote: this stays.\n'));
    expect(mdx).toContain('\nNote: this stays.\n');
  });
});

describe('edge cases an author will meet', () => {
  it('an empty frontmatter block, a first heading below h1, the author’s own slug', () => {
    const empty = readNote(text('Notes/Plain.md', '---\n---\n\n## Section\n\nText.\n'));
    expect(empty).toMatchObject({ title: 'Plain', titleFrom: 'file name', data: {} });
    const own = readNote(text('x.md', '---\nslug: my-own\n---\n\n# Heading Title\n\nText.\n'));
    expect(own).toMatchObject({ title: 'Heading Title', titleFrom: 'heading' });
    expect(wantedSlug(own)).toBe('my-own');
    const { mdx } = importNote(text('x.md', '---\nslug: my-own\n---\n\n# Heading Title\n\nText.\n'));
    expect(mdx).toBe('---\nslug: my-own\ntitle: Heading Title\nsource: x.md\n---\n\nText.\n');
  });

  it('a Notion page without properties, or whose "properties" run into text, is left as written', () => {
    const none = readNote(text('P 0123456789abcdef0123456789abcdef.md', '# P\n\nJust text.\n'));
    expect(none.data).toEqual({});
    const prose = readNote(
      text('P 0123456789abcdef0123456789abcdef.md', '# P\n\nNote: not a property\nbecause text follows.\n'),
    );
    expect(prose.data).toEqual({});
    expect(prose.lines).toContain('Note: not a property');
  });

  it('a $$ block never closed is still checked, and a link broken twice is listed once', () => {
    expect(() => importNote(text('m.md', '# M\n\nText.\n\n$$\n\\frac{\n'))).toThrow(
      /^m\.md:5: math does not parse/,
    );
    const { mdx, note } = importNote(
      text('d.md', '# D\n\n[[Gone]] and [[Gone]] again.\n'),
      () => 'missing-note',
    );
    expect(mdx).toContain('unresolvedLinks:\n  - Gone\n---');
    expect(note.report.needsHuman).toHaveLength(2);
  });
});

it('checks a closed $$ block over several lines as a whole', () => {
  expect(() => importNote(text('b.md', '# B\n\n$$\na + \\frac{1}{\n$$\n'))).toThrow(
    /^b\.md:3: math does not parse/,
  );
  expect(importNote(text('g.md', '# G\n\n$$\na + \\frac{1}{2}\n$$\n')).mdx).toContain(
    '$$\na + \\frac{1}{2}\n$$',
  );
});
