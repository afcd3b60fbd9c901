/**
 * Real builds (astro build, real mermaid in Chromium) of fixture note folders: what the
 * author sees when a diagram or a note is broken, and proof that the render cache skips the
 * browser on a rebuild. Slow (seconds each), so only the cases a unit test cannot show.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const outDirs: string[] = [];
afterAll(() => outDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// Quizzes and decks point into the valid fixture note; with any other notes folder their
// sources cannot resolve, and the gate would stop the build before the case under test.
const VALID_NOTES = 'test/fixtures/valid/notes';

function build(notesDir: string) {
  const withFixtures = notesDir === VALID_NOTES;
  const outDir = mkdtempSync(join(tmpdir(), 'tradeoffs-build-'));
  outDirs.push(outDir);
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    env: {
      ...process.env,
      TRADEOFFS_NOTES_DIR: notesDir,
      TRADEOFFS_QUIZZES_DIR: withFixtures ? 'test/fixtures/valid/quizzes' : 'test/fixtures/none',
      TRADEOFFS_CARDS_DIR: withFixtures ? 'test/fixtures/valid/cards' : 'test/fixtures/none',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

describe('astro build', () => {
  it('fails on an invalid diagram with file:line and mermaid’s message', () => {
    const { status, output } = build('test/fixtures/malformed/notes/invalid-diagram');
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /test\/fixtures\/malformed\/notes\/invalid-diagram\/invalid-diagram\.mdx:1[0-9]: Parse error on line \d+/,
    );
  });

  it('fails on a duplicate slug before rendering anything, naming both files', () => {
    const { status, output } = build('test/fixtures/malformed/notes/duplicate-slug');
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /duplicate-slug\/b\.mdx: field "slug": duplicate slug "same-slug": .*duplicate-slug\/a\.mdx already uses it/,
    );
  });

  it('builds a valid note into one page with its diagram inline, and the rebuild uses the cache', () => {
    const first = build('test/fixtures/valid/notes');
    expect(first.status, first.output).toBe(0);
    const html = readFileSync(join(first.outDir, 'notes/valid-note/index.html'), 'utf8');
    expect(html).toMatch(/<svg[^>]*class="mmd /);
    expect(html).not.toMatch(/<script[^>]*mermaid/i);
    expect(readdirSync(join(first.outDir, 'diagrams'))).toHaveLength(1);
    const second = build('test/fixtures/valid/notes');
    expect(second.status).toBe(0);
    expect(second.output).toMatch(/1 diagram\(s\) ready in \d+ ms \(all from cache, no browser\)/);
  });
});
