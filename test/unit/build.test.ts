/**
 * Real builds (astro build, real mermaid in Chromium) of fixture note folders: what the
 * author sees when a diagram or a note is broken, and proof that the render cache skips the
 * browser on a rebuild. Slow (seconds each), so only the cases a unit test cannot show.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../src/lib/chromium.ts';
import { otherNotesEnv } from '../../src/lib/paths.ts';
import { withBuildLock } from '../support/build-lock.ts';

const outDirs: string[] = [];
afterAll(() => outDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// Quizzes, decks and the cost calculator's prices point into the notes, so each fixture build
// names its own (none by default: with other notes their sources cannot resolve, and the gate
// would stop the build).
const VALID = { quizzes: 'test/fixtures/valid/quizzes', cards: 'test/fixtures/valid/cards' };

function build(
  notesDir: string,
  content: { quizzes?: string; cards?: string } = {},
  env: Record<string, string> = {},
) {
  const outDir = mkdtempSync(join(tmpdir(), 'tradeoffs-build-'));
  outDirs.push(outDir);
  const result = withBuildLock(() =>
    spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
      env: {
        ...process.env,
        ...otherNotesEnv(notesDir, content),
        ...env,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
      encoding: 'utf8',
      timeout: 180_000,
    }),
  );
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
    expect(html).toContain('source: <code>valid-note.md</code>');
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

describe('notes are content, never code (real builds)', () => {
  it('refuses a note that imports, exports or evaluates code, naming file:line, and runs none of it', () => {
    const { status, output } = build('test/fixtures/malformed/notes/runs-code');
    expect(status).not.toBe(0);
    expect(output).toMatch(/runs-code\/runs-code\.mdx:12: `import` is code, and a note cannot run code/);
    expect(output).toMatch(/runs-code\/runs-code\.mdx:15: `export` is code/);
    expect(existsSync('pwned-by-note.txt')).toBe(false);
  });

  it('refuses an unknown component before rendering, with file:line (not only the route)', () => {
    const { status, output } = build('test/fixtures/malformed/notes/unknown-component');
    expect(status).not.toBe(0);
    expect(output).toMatch(/unknown-component\/unknown-component\.mdx:14: <Foo> is not HTML a note may use/);
  });

  it('fails on a diagram that would draw a second actor, naming file:line and the repair', () => {
    const { status, output } = build('test/fixtures/malformed/notes/diagram-slip');
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /diagram-slip\/diagram-slip\.mdx:17: diagram draws something else than meant: .*write "U"/,
    );
  });

  it('removes unsafe HTML with one warning per removal, keeps the safe subset', async () => {
    const { status, output, outDir } = build('test/fixtures/unsafe-html/notes');
    expect(status, output).toBe(0);
    const warnings = output.match(/\[content\] warning: .*unsafe-html\.mdx:\d+: removed .*/g) ?? [];
    expect(warnings.map((w) => w.replace(/^.*unsafe-html\.mdx:/, ''))).toEqual([
      '14: removed <meta> (removed with its content)',
      '16: removed <script> (removed with its content)',
      '18: removed attribute "onerror" of <img> (event handlers cannot run in a note)',
      '20: removed attribute "href" of <a> (javascript: URLs are not allowed here)',
      '22: removed <iframe> (removed with its content)',
      '24: removed <base> (removed with its content)',
      '26: removed link to a javascript: URL (its text is kept)',
    ]);
    const html = readFileSync(join(outDir, 'notes/unsafe-html/index.html'), 'utf8');
    const prose = /<div class="prose"[^>]*>([\s\S]*)<\/article>/.exec(html)?.[1] ?? '';
    expect(prose).not.toMatch(/<(meta|script|iframe|base)\b|onerror|javascript:|evil\.example/i);
    expect(html).not.toMatch(/http-equiv="refresh"|redirected-by-note/i);
    expect(prose).toMatch(/<img src="\/favicon\.svg" alt="icon"\s*\/?>/);
    expect(prose).toMatch(/<p>click me<\/p>|[^>]click me/);
    expect(prose).not.toContain('<a>click me');
    expect(prose).toMatch(/<details><summary>Keyboard<\/summary>/);
    expect(prose).toMatch(
      /Press <kbd>Ctrl<\/kbd> \+ <kbd>K<\/kbd>; H<sub>2<\/sub>O; x<sup>2<\/sup>; <mark>marked<\/mark>; a<br\s*\/?>b\./,
    );
    // A `.md` note goes through Astro's Markdown pipeline (raw HTML nodes), with the same rules.
    const md =
      /<div class="prose"[^>]*>([\s\S]*)<\/article>/.exec(
        readFileSync(join(outDir, 'notes/plain-md/index.html'), 'utf8'),
      )?.[1] ?? '';
    expect(output).toMatch(/plain-markdown\.md:15: removed <meta>/);
    expect(md).not.toMatch(/<meta|onerror|javascript:|url=\/\?left/i);
    expect(md).toContain('<p>Press <kbd>Ctrl</kbd> now.</p>');
    // No `source` in its frontmatter (a note written in place, not imported): no empty "source:".
    expect(md).not.toContain('note-source');
    return readInChromium(outDir);
  }, 120_000);

  /** A reader opens the page in real Chromium: nothing runs, nothing sends them away. */
  async function readInChromium(outDir: string) {
    const port = Number(process.env.E2E_PORT ?? 4404) + 50;
    const server = spawn('node', ['scripts/serve-dist.ts', '--port', String(port), '--dir', outDir], {
      stdio: 'ignore',
    });
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const url = `http://127.0.0.1:${port}/notes/unsafe-html/`;
      for (let i = 0; i < 50; i += 1) {
        const ok = await page.goto(url).then(
          (r) => r?.ok(),
          () => false,
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // The removed <meta http-equiv="refresh"> would have left after 1 s.
      await page.waitForTimeout(2500);
      expect(page.url()).toBe(url);
      expect(dialogs).toEqual([]);
      await page.getByText('Keyboard').click();
      expect(await page.getByText('marked').isVisible()).toBe(true);
      // The link whose javascript: target was removed is plain text, not a dead link.
      expect(await page.getByRole('link', { name: 'click me' }).count()).toBe(0);
      expect(await page.getByText('click me').isVisible()).toBe(true);
    } finally {
      await browser.close();
      server.kill();
    }
  }
});

describe('each diagram is drawn once per build (real builds)', () => {
  it('draws every diagram of `.md` and `.mdx` notes once, none on a rebuild, only the changed one after an edit', () => {
    // Labels no earlier run has drawn: the render cache is shared by every build of this checkout.
    const nonce = randomUUID().slice(0, 8);
    const notes = mkdtempSync(join(tmpdir(), 'tradeoffs-once-'));
    outDirs.push(notes);
    const note = (slug: string, diagrams: string[]) =>
      `---\ntitle: ${slug}\nslug: ${slug}\nsummary: Diagrams drawn once.\ntags: [t]\norder: 1\nsource: ${slug}.md\n---\n\n` +
      diagrams.map((d, i) => `## Part ${i + 1}\n\n\`\`\`mermaid\n${d}\n\`\`\`\n`).join('\n');
    const flow = (label: string) => `flowchart LR\n  A[Client ${nonce}] --> B[${label}]`;
    // One diagram in both notes: the site has three distinct diagrams.
    writeFileSync(join(notes, 'markdown.md'), note('markdown', [flow('Cache'), flow('Queue')]));
    writeFileSync(join(notes, 'mdx-note.mdx'), note('mdx-note', [flow('Queue'), flow('Shard')]));
    const drew = (output: string) =>
      /drew (\d+) diagram\(s\) in this build, (\d+) browser launch/.exec(output);

    const cold = build(notes);
    expect(cold.status, cold.output).toBe(0);
    // A `.md` note is rendered by Astro's content sync while the up-front pass still draws: it
    // waited for it (one browser) instead of drawing its two diagrams again (two).
    expect(drew(cold.output)?.slice(1)).toEqual(['3', '1']);
    expect(cold.output.match(/rendering \d+ diagram\(s\) with mermaid/g)).toHaveLength(1);
    const page = readFileSync(join(cold.outDir, 'notes/markdown/index.html'), 'utf8');
    expect(page.match(/<svg[^>]*class="mmd /g)).toHaveLength(2);

    const warm = build(notes);
    expect(warm.status, warm.output).toBe(0);
    expect(drew(warm.output)?.slice(1)).toEqual(['0', '0']);

    writeFileSync(join(notes, 'markdown.md'), note('markdown', [flow('Cache'), flow('Replica')]));
    const edited = build(notes);
    expect(edited.status, edited.output).toBe(0);
    expect(drew(edited.output)?.slice(1)).toEqual(['1', '1']);
    expect(readFileSync(join(edited.outDir, 'notes/markdown/index.html'), 'utf8')).toContain('Replica');
  }, 300_000);
});

describe('diagrams are filled into the written pages (real builds)', () => {
  it('writes every file byte for byte as with the SVGs compiled into the notes', () => {
    // The real notes (every kind of diagram they hold) and a `.md` note (Astro's Markdown path).
    const notes = mkdtempSync(join(tmpdir(), 'tradeoffs-fill-'));
    outDirs.push(notes);
    cpSync('content/notes', notes, { recursive: true });
    writeFileSync(
      join(notes, 'plain-markdown.md'),
      '---\ntitle: Plain markdown\nslug: plain-markdown\nsummary: A .md note with diagrams.\ntags: [t]\norder: 9\nsource: plain.md\n---\n\n' +
        '## Flow\n\n```mermaid\nflowchart LR\n  A["p99 < 200 ms & fast"] --> B{Cache?}\n  style A fill:#e8f5e9\n```\n\n' +
        '## Calls\n\n```mermaid\nsequenceDiagram\n  Client->>Server: GET /notes/?q=a&b\n  Server-->>Client: 200\n```\n',
    );
    const filled = build(notes);
    expect(filled.status, filled.output).toBe(0);
    // Its own store: Astro would otherwise serve the notes it compiled for the first build.
    const inline = build(
      notes,
      {},
      { TRADEOFFS_INLINE_DIAGRAMS: '1', TRADEOFFS_CACHE_DIR: join(notes, '.cache') },
    );
    expect(inline.status, inline.output).toBe(0);
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)))
        .sort();
    const written = files(filled.outDir);
    expect(written).toEqual(files(inline.outDir));
    const pages = written.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const different = written.filter(
      (f) => !readFileSync(join(filled.outDir, f)).equals(readFileSync(join(inline.outDir, f))),
    );
    expect(different).toEqual([]);
    const md = readFileSync(join(filled.outDir, 'notes/plain-markdown/index.html'), 'utf8');
    expect(md.match(/<svg[^>]*class="mmd /g)).toHaveLength(2);
    expect(pages.filter((f) => readFileSync(join(filled.outDir, f), 'utf8').includes('<mmd-svg'))).toEqual(
      [],
    );
  }, 300_000);
});

describe('valid notes of odd shape build (table before the first heading, no ##, emoji headings, callouts with tables)', () => {
  it('builds every page, the Anki export included, and the site check passes', () => {
    const { status, output, outDir } = build('test/fixtures/valid-odd/notes');
    expect(status, output).toBe(0);
    const anki = readFileSync(join(outDir, 'flashcards/anki/table-first.txt'), 'utf8');
    expect(anki).toContain('/notes/table-first/#main');
    const emoji = readFileSync(join(outDir, 'notes/emoji-headings/index.html'), 'utf8');
    expect(emoji).toContain('<h2 id="section"');
    expect(emoji).toContain('href="#section-3"');
    expect(emoji).not.toMatch(/href="#"/);
    const site = spawnSync('node', ['scripts/check-site.ts', outDir], { encoding: 'utf8', timeout: 120_000 });
    expect(site.status, `${site.stdout}\n${site.stderr}`).toBe(0);
    // A link to a heading that another page does not have is caught by the site check.
    const page = join(outDir, 'notes/no-sections/index.html');
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace('<main', '<a href="/notes/emoji-headings/#nope">x</a><main'),
    );
    const broken = spawnSync('node', ['scripts/check-site.ts', outDir], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(
      /notes\/no-sections\/index\.html: link \/notes\/emoji-headings\/#nope: notes\/emoji-headings\/index\.html has no element with id "nope"/,
    );
  });
});
