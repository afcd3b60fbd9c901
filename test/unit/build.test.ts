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
import { otherNotesEnv } from '../../src/lib/paths.ts';

const outDirs: string[] = [];
afterAll(() => outDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// Quizzes, decks and the cost calculator's prices point into the notes, so each fixture build
// names its own (none by default: with other notes their sources cannot resolve, and the gate
// would stop the build).
const VALID = { quizzes: 'test/fixtures/valid/quizzes', cards: 'test/fixtures/valid/cards' };

function build(notesDir: string, content: { quizzes?: string; cards?: string } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'tradeoffs-build-'));
  outDirs.push(outDir);
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    env: {
      ...process.env,
      ...otherNotesEnv(notesDir, content),
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

  it('fails on malformed quizzes before rendering, naming file, question and field', () => {
    const { status, output } = build('test/fixtures/valid/notes', {
      quizzes: 'test/fixtures/malformed/quizzes',
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/Content errors \(\d+\)/);
    expect(output).toMatch(
      /missing-explanation\.yaml:18: question "no-why" option "b": field "questions\.0\.options\.1\.explanation"/,
    );
    expect(output).toMatch(/unknown-type\.yaml:9: question "pick-two": field "questions\.0\.type"/);
  });

  it('builds a valid note into one page with its diagram inline, and the rebuild uses the cache', () => {
    const first = build('test/fixtures/valid/notes', VALID);
    expect(first.status, first.output).toBe(0);
    const html = readFileSync(join(first.outDir, 'notes/valid-note/index.html'), 'utf8');
    expect(html).toMatch(/<svg[^>]*class="mmd /);
    expect(html).not.toMatch(/<script[^>]*mermaid/i);
    expect(readdirSync(join(first.outDir, 'diagrams'))).toHaveLength(1);
    // The quiz page has the question but not the answer; the key is a separate file.
    const quiz = readFileSync(join(first.outDir, 'quizzes/valid-quiz/index.html'), 'utf8');
    expect(quiz).toContain('Which side scales easily?');
    expect(quiz.replace(/<noscript[\s\S]*?<\/noscript>/g, '')).not.toContain(
      'The table says A scales easily.',
    );
    const key = JSON.parse(readFileSync(join(first.outDir, 'quizzes/valid-quiz/key.json'), 'utf8'));
    expect(key.questions.scaling.source).toEqual({
      href: '/notes/valid-note/#section-one',
      heading: 'Section one',
      note: 'Valid note',
    });
    const second = build('test/fixtures/valid/notes', VALID);
    expect(second.status).toBe(0);
    expect(second.output).toMatch(/1 diagram\(s\) ready in \d+ ms \(all from cache, no browser\)/);
  });
});
