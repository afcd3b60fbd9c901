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
  it('fails on a wikilink to no note before rendering, naming file:line and the link', () => {
    const { status, output } = build('test/fixtures/malformed/notes/missing-wikilink');
    expect(status).not.toBe(0);
    expect(output).toMatch(/Content errors \(1\)/);
    expect(output).toContain(
      'test/fixtures/malformed/notes/missing-wikilink/linking-note.mdx:11: [[No such note]]: no note is named "No such note"',
    );
  });

  it('fails on a formula that does not parse, naming file:line and KaTeX’s message', () => {
    const { status, output } = build('test/fixtures/malformed/notes/bad-math');
    expect(status).not.toBe(0);
    expect(output).toContain(
      "math does not parse: Unexpected end of input in a macro argument, expected '}'",
    );
    expect(output).toMatch(/test\/fixtures\/malformed\/notes\/bad-math\/estimation\.mdx:11:30/);
  });

  it('builds Obsidian notes: links, marks, callouts, math with its stylesheet and fonts, inline tags', () => {
    const { status, output, outDir } = build('test/fixtures/obsidian/notes');
    expect(status, output).toBe(0);
    const start = readFileSync(join(outDir, 'notes/start-here/index.html'), 'utf8');
    expect(start).toContain(
      '<a href="/notes/sharding/#hash-partitioning" class="wikilink">how keys are split</a>',
    );
    expect(start).toContain('Consistent hashing <span class="link-mark-why">(not included)</span>');
    expect(start).not.toContain('A reminder to myself');
    const caching = readFileSync(join(outDir, 'notes/caching/index.html'), 'utf8');
    expect(caching).toContain('<details class="callout callout-warning" data-callout="warning">');
    // Through Astro's image pipeline (a hashed, converted file), named by the file.
    const img = caching.match(/<img[^>]*>/)?.[0] ?? '';
    expect(img).toMatch(/src="\/_astro\/cache-layers\.[\w-]+\.webp"/);
    expect(img).toContain('alt="cache layers"');
    expect(caching).toMatch(/<link rel="stylesheet" href="\/katex\/katex\.css"\/?>/);
    expect(caching).not.toMatch(/<[^>]+\sstyle="/);
    expect(caching).not.toContain('A block comment');
    expect(
      readFileSync(join(outDir, 'sharding/index.html'.replace('sharding', 'notes/sharding')), 'utf8'),
    ).not.toContain('katex.css');
    const css = readFileSync(join(outDir, 'katex/katex.css'), 'utf8');
    expect(css).toMatch(/\.katex \.ks-[0-9a-f]{8}\{/);
    expect(readdirSync(join(outDir, 'katex/fonts'))).toContain('KaTeX_Main-Regular.woff2');
    // Inline tags get their pages, with the note on them.
    expect(readFileSync(join(outDir, 'tags/performance/index.html'), 'utf8')).toContain('/notes/caching/');
    expect(readFileSync(join(outDir, 'tags/interview-prep/index.html'), 'utf8')).toContain(
      '/notes/start-here/',
    );
  });
});
