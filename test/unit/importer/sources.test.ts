import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isWordless,
  listSources,
  normalisePath,
  outputPath,
  relativeLink,
  resolveDestination,
} from '../../../src/domain/importer/sources.ts';

const VAULT = 'test/fixtures/vault';
const list = (root: string) => async (dir: string) =>
  (await readdir(join(root, dir), { withFileTypes: true })).map((e) => ({
    name: e.name,
    isDirectory: e.isDirectory(),
  }));

describe('listSources on the fixture vault', () => {
  it('finds notes in every subfolder, never in dot-folders or attachment folders', async () => {
    const sources = await listSources(list(VAULT), 'attachments', 'Templates');
    expect(sources.notes).toContain('Databases/Indexes/B-tree indexes.md');
    expect(sources.notes).toContain(
      'Notion export/Interview prep 0123456789abcdef0123456789abcdef/Rate limiting 89abcdef0123456789abcdef01234567.md',
    );
    expect(sources.notes).toHaveLength(19);
    expect(sources.notes.some((n) => n.startsWith('.obsidian') || n.startsWith('attachments/'))).toBe(false);
    // Obsidian's own folder, its templates folder and an Excalidraw drawing are not notes.
    expect(sources.skipped).toEqual(['.obsidian', 'Inbox/Architecture sketch.excalidraw.md', 'Templates']);
    // Attachments are files for notes to use: images, and Markdown that is not a note.
    expect(sources.files).toEqual(
      expect.arrayContaining(['attachments/replication-lag.png', 'attachments/Pasted text.md']),
    );
  });

  it('honours Obsidian’s attachment folder setting and skips node_modules', async () => {
    const tree: Record<string, { name: string; isDirectory: boolean }[]> = {
      '': [
        { name: 'Files here', isDirectory: true },
        { name: 'node_modules', isDirectory: true },
        { name: 'a.md', isDirectory: false },
      ],
      'Files here': [{ name: 'x.md', isDirectory: false }],
    };
    const sources = await listSources(async (dir) => tree[dir] ?? [], 'Files here/');
    expect(sources).toEqual({ notes: ['a.md'], files: ['Files here/x.md'], skipped: ['node_modules'] });
  });
});

describe('paths', () => {
  it('keeps folders and names, drops Notion ids, names wordless files by slug', () => {
    expect(outputPath('Databases/SQL vs NoSQL.md', 'sql-vs-nosql')).toBe('Databases/SQL vs NoSQL.mdx');
    expect(
      outputPath(
        'Notion export/Prep 0123456789abcdef0123456789abcdef/Rate 89abcdef0123456789abcdef01234567.md',
        'rate',
      ),
    ).toBe('Notion export/Prep/Rate.mdx');
    expect(outputPath('000_30dbbc4cb3520705.txt', 'architecture-paradigms')).toBe(
      'architecture-paradigms.mdx',
    );
    expect(outputPath('a/What: now?.md', 'what-now')).toBe('a/What- now-.mdx');
    expect(isWordless('2024-03-01')).toBe(true);
    expect(isWordless('Notes 2024')).toBe(false);
  });

  it('resolves URL-encoded relative destinations inside the root only', () => {
    expect(resolveDestination('Notion/Prep.md', 'Prep%20abc/Rate%20limiting.md#token')).toBe(
      'Notion/Prep abc/Rate limiting.md',
    );
    expect(resolveDestination('a/b/c.md', '../x.png')).toBe('a/x.png');
    expect(resolveDestination('a/c.md', '/img/x.png')).toBe('img/x.png');
    expect(resolveDestination('c.md', '../../outside.png')).toBeUndefined();
    expect(resolveDestination('c.md', 'https://x.test/a.png')).toBeUndefined();
    expect(resolveDestination('c.md', '100%.png')).toBe('100%.png');
    expect(normalisePath('a/./b/../c')).toBe('a/c');
  });

  it('links from an imported note to a copied file, encoded', () => {
    expect(relativeLink('Databases/Replication.mdx', 'attachments/lag chart.png')).toBe(
      '../attachments/lag%20chart.png',
    );
    expect(relativeLink('Notion/Prep.mdx', 'Notion/Prep 0123/Untitled.png')).toBe(
      './Prep%200123/Untitled.png',
    );
    expect(relativeLink('top.mdx', 'x.png')).toBe('./x.png');
  });
});

describe('a GitHub notes repo', () => {
  it('leaves out the repository’s own files at any level, keeps README as a note', async () => {
    const tree: Record<string, { name: string; isDirectory: boolean }[]> = {
      '': [
        { name: 'README.md', isDirectory: false },
        { name: 'LICENSE.md', isDirectory: false },
        { name: 'CONTRIBUTING.md', isDirectory: false },
        { name: '.github', isDirectory: true },
        { name: 'caching', isDirectory: true },
      ],
      caching: [
        { name: 'CHANGELOG.md', isDirectory: false },
        { name: 'redis.md', isDirectory: false },
      ],
    };
    const sources = await listSources(async (dir) => tree[dir] ?? []);
    expect(sources.notes).toEqual(['caching/redis.md', 'README.md']);
    expect(sources.skipped).toEqual(['.github', 'caching/CHANGELOG.md', 'CONTRIBUTING.md', 'LICENSE.md']);
  });
});
