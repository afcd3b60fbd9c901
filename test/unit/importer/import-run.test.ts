/**
 * `npm run import` as a user runs it, on copies of the fixture vault and the seeds: what the
 * report says, what lands in the notes folder, and what a second run does (the sync). Slow
 * (real mermaid in Chromium for the vault's diagrams, cached after the first run).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'tradeoffs-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runImport(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], {
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  return { status: result.status, output, summary: /^Summary: .*$/m.exec(output)?.[0] };
}

describe('importing the fixture vault, then syncing it', { timeout: 240_000 }, () => {
  const vault = join(scratch, 'vault');
  const out = join(scratch, 'notes');
  cpSync('test/fixtures/vault', vault, { recursive: true });
  const note = (path: string) => readFileSync(join(out, path), 'utf8');

  it('imports the tree, copies the attachments used, reports refusals, drafts and missing links', () => {
    const run = runImport(vault, '--out', out);
    expect(run.status).toBe(0);
    expect(run.summary).toBe(
      'Summary: 15 imported (15 new, 0 updated), 0 unchanged, 0 kept because edited, 2 refused, 2 need a human, 2 not published',
    );
    expect(run.output).toMatch(/vault\/Inbox\/Bad frontmatter\.md:4: frontmatter is not valid YAML: /);
    expect(run.output).toMatch(/vault\/Inbox\/Estimation\.md:12: math does not parse: /);
    expect(run.output).toMatch(/Networking\/Private\.md: publish: false \(not copied\)/);
    expect(run.output).toMatch(
      /Left out, not notes: .*vault\/\.obsidian, .*vault\/Inbox\/Architecture sketch\.excalidraw\.md, .*vault\/Templates\n/,
    );
    expect(run.output).toMatch(
      /line 11: \[\[Service mesh\|the mesh note\]\] links to a note that is not included/,
    );
    expect(note('Databases/Indexes/B-tree indexes.mdx')).toContain('slug: b-tree-indexes');
    expect(note('Notion export/Interview prep/Rate limiting.mdx')).toContain(
      '[Interview prep](/notes/interview-prep/)',
    );
    expect(existsSync(join(out, 'attachments/replication-lag.png'))).toBe(true);
    expect(
      existsSync(join(out, 'Notion export/Interview prep 0123456789abcdef0123456789abcdef/Untitled.png')),
    ).toBe(true);
    expect(existsSync(join(out, 'attachments/unused.png'))).toBe(false);
    expect(existsSync(join(out, 'Networking/Private.mdx'))).toBe(false);
    expect(existsSync(join(out, '.obsidian'))).toBe(false);
    // Same title, different file: its own slug.
    expect(note('Networking/CDN caching.mdx')).toContain('slug: caching-2');
    const manifest = JSON.parse(note('.import-manifest.json')) as { notes: Record<string, { slug: string }> };
    expect(manifest.notes['vault/Networking/CDN caching.md']?.slug).toBe('caching-2');
  });

  it('leaves everything alone on a second run', () => {
    const before = note('Databases/Replication.mdx');
    const run = runImport(vault, '--out', out);
    expect(run.summary).toMatch(
      /^Summary: 0 imported \(0 new, 0 updated\), 15 unchanged, 0 kept because edited/,
    );
    expect(note('Databases/Replication.mdx')).toBe(before);
  });

  it('updates what changed in the source, keeps what was edited here, adds a same-titled note as -3', () => {
    writeFileSync(
      join(vault, 'Databases/Sharding.md'),
      readFileSync(join(vault, 'Databases/Sharding.md'), 'utf8') + '\nOne more line.\n',
    );
    writeFileSync(join(out, 'Caching/Caching.mdx'), `${note('Caching/Caching.mdx')}\nMy own addition.\n`);
    writeFileSync(
      join(vault, 'Caching/Caching.md'),
      `${readFileSync(join(vault, 'Caching/Caching.md'), 'utf8')}\nNew upstream text.\n`,
    );
    mkdirSync(join(vault, 'More'));
    writeFileSync(
      join(vault, 'More/Also caching.md'),
      '---\ntitle: Caching\n---\n\nA third note called Caching.\n',
    );
    const run = runImport(vault, '--out', out);
    expect(run.status).toBe(0);
    expect(run.summary).toMatch(
      /^Summary: 2 imported \(1 new, 1 updated\), 13 unchanged, 1 kept because edited/,
    );
    expect(run.output).toMatch(
      /Caching\/Caching\.mdx \(KEPT: edited here since its import \(use --force to overwrite\)\)/,
    );
    expect(note('Caching/Caching.mdx')).toContain('My own addition.');
    expect(note('Databases/Sharding.mdx')).toContain('One more line.');
    expect(note('More/Also caching.mdx')).toContain('slug: caching-3');
    expect(note('Networking/CDN caching.mdx')).toContain('slug: caching-2');
  });

  it('overwrites an edited note with --force, and reports a source deleted (keeping the note)', () => {
    rmSync(join(vault, 'Networking/Load balancing.md'));
    const run = runImport(vault, '--out', out, '--force');
    expect(run.summary).toMatch(
      /^Summary: 2 imported \(0 new, 2 updated\), 13 unchanged, 0 kept because edited, 2 refused, .*, 1 gone from the source$/,
    );
    expect(note('Caching/Caching.mdx')).toContain('New upstream text.');
    expect(note('Caching/Caching.mdx')).not.toContain('My own addition.');
    expect(run.output).toMatch(
      /No longer in the source \(1\).*\n {2}vault\/Networking\/Load balancing\.md → .*Load balancing\.mdx/,
    );
    expect(existsSync(join(out, 'Networking/Load balancing.mdx'))).toBe(true);
    // The note that linked to it now lists the link as unresolved (and so was updated).
    expect(note('Networking/🚀.mdx')).toContain('unresolvedLinks:\n  - Load balancing\n');
  });
});

describe('a dry run', () => {
  it('reports what it would do and writes nothing', () => {
    const out = join(scratch, 'dry');
    const run = runImport('test/fixtures/vault', '--out', out, '--dry-run');
    expect(run.status).toBe(0);
    expect(run.output).toMatch(/Replication\.mdx \(created, dry run\)/);
    expect(run.summary).toMatch(/^Summary: 15 imported \(15 new, 0 updated\)/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('plain text files', () => {
  it('are notes only when they read like one', () => {
    const dir = join(scratch, 'txt');
    mkdirSync(dir);
    writeFileSync(join(dir, 'requirements.txt'), 'flask==3.0\n');
    writeFileSync(join(dir, 'note.txt'), '# Real note\n\nText.\n');
    const run = runImport(dir, '--out', join(scratch, 'txt-out'));
    expect(run.summary).toMatch(/^Summary: 1 imported/);
    expect(run.output).toMatch(
      /Not notes, left out \(1\):\n {2}.*requirements\.txt: plain text without a heading or frontmatter/,
    );
  });
});

describe('HTML that MDX cannot read', () => {
  it('is shown as text on its line, reported, and the note still imports', () => {
    const dir = join(scratch, 'web');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'web.md'),
      '---\ntitle: Web copy\n---\n\n<div class="post">\n\nSome text <b>bold\n\nMore.\n',
    );
    const run = runImport(dir, '--out', join(scratch, 'web-out'));
    expect(run.status).toBe(0);
    expect(run.output).toContain('repaired: HTML that MDX cannot read shown as text: <div class="post">');
    expect(readFileSync(join(scratch, 'web-out/web.mdx'), 'utf8')).toContain(
      '&lt;div class="post">\n\nSome text &lt;b>bold',
    );
  });
});

describe('runs that import nothing exit non-zero and say why', () => {
  it('a folder with no notes', () => {
    const empty = join(scratch, 'empty');
    mkdirSync(join(empty, '.obsidian'), { recursive: true });
    writeFileSync(join(empty, '.obsidian/a.md'), '# Not a note\n');
    const run = runImport(empty, '--out', join(scratch, 'none'));
    expect(run.status).toBe(1);
    expect(run.output).toMatch(
      /No notes found in .*empty: looked for \*\.md, \*\.markdown, \*\.mdx and \*\.txt in every subfolder \(left out: .*\.obsidian\)/,
    );
  });

  it('a folder whose only note is refused', () => {
    const broken = join(scratch, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'bad.md'), '---\ntitle: [oops\n---\n\nText.\n');
    const run = runImport(broken, '--out', join(scratch, 'none'));
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/broken\/bad\.md:\d: frontmatter is not valid YAML/);
    expect(run.output).toMatch(/No note was imported: 1 refused/);
  });
});

describe('the seeds', { timeout: 120_000 }, () => {
  it('re-import byte-identical into the committed notes (two of them edited here, kept)', () => {
    const out = join(scratch, 'seeds-out');
    cpSync('content/notes', out, { recursive: true });
    const run = runImport('test/fixtures/seeds', '--out', out);
    expect(run.summary).toMatch(
      /^Summary: 0 imported \(0 new, 0 updated\), 3 unchanged, 2 kept because edited, 0 refused/,
    );
    for (const file of [
      'architecture-paradigms.mdx',
      'serverless-architecture.mdx',
      'stateless-vs-stateful-architecture.mdx',
    ])
      expect(readFileSync(join(out, file), 'utf8')).toBe(readFileSync(join('content/notes', file), 'utf8'));
    expect(readFileSync(join(out, '.import-manifest.json'), 'utf8')).toBe(
      readFileSync('content/notes/.import-manifest.json', 'utf8'),
    );
  });
});
