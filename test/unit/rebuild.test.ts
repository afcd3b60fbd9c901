/**
 * Real rebuilds (astro build) over one copy of the fixture notes with its own cache folder: the
 * store of derived data (src/integrations/derived-cache.ts) and the gate's remembered verdict
 * must never hide an error or serve what a note said before. Slow: five builds in a row.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { otherNotesEnv } from '../../src/lib/paths.ts';
import { withBuildLock } from '../support/build-lock.ts';

const work = mkdtempSync(join(tmpdir(), 'tradeoffs-rebuild-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
cpSync('test/fixtures/valid', work, { recursive: true });
const notes = join(work, 'notes');
const note = join(notes, 'valid-note.mdx');
const quiz = join(work, 'quizzes/valid-quiz.yaml');
const outDir = join(work, 'dist');
const env = {
  ...otherNotesEnv(notes, { quizzes: join(work, 'quizzes'), cards: join(work, 'cards') }),
  TRADEOFFS_CACHE_DIR: join(work, 'cache'),
};

function build() {
  const result = withBuildLock(() =>
    spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 180_000,
    }),
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
const page = (path: string) => readFileSync(join(outDir, path), 'utf8');
/** Every file of a folder with its bytes, by path: two builds of the same sources are the same site. */
const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name))]),
  );
const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  expect(changed, `${file} has no ${String(from)}`).not.toBe(text);
  writeFileSync(file, changed);
  return () => writeFileSync(file, text);
};

describe('rebuilds with the derived data of the last build', () => {
  it('fail on what an edit broke, naming file, line and field, and show what an edit changed', () => {
    // A formula: its KaTeX classes are registered while the note compiles, so a rebuild that
    // reuses the compiled note must register them again.
    writeFileSync(note, `${readFileSync(note, 'utf8')}\nA fraction: $\\frac{a}{b}$.\n`);
    const first = build();
    expect(first.status, first.output).toBe(0);
    const katex = page('katex/katex.css');
    expect(katex).toMatch(/\.katex \.ks-[0-9a-f]{8}\{/);
    const built = files(outDir);
    const second = build();
    expect(second.status, second.output).toBe(0);
    // Nothing changed: nothing derived or compiled again, and the same stylesheet.
    expect(second.output).toMatch(/derived data: [1-9]\d* reused, 0 computed/);
    expect(page('katex/katex.css')).toBe(katex);
    // Nor rendered or indexed again: the pages are the last build's, and so is the search index.
    expect(second.output).toMatch(/notes\/valid-note\/index\.html \((cached|restored)\)/);
    expect(second.output).toMatch(/page\(s\) read as in the last build: its index reused/);
    expect(files(outDir)).toEqual(built);

    // A bad quiz field, a renamed heading a card points at (a stale anchor index would still
    // resolve it) and a wikilink to no note, in one rebuild: each named where it is.
    const restoreQuiz = edit(quiz, /\n {8}explanation: The table says B is hard to scale\./, '');
    const restoreNote = edit(note, '## Section one', '## Section uno\n\nSee [[No such note]].');
    const broken = build();
    expect(broken.status).not.toBe(0);
    expect(broken.output).toMatch(
      /valid-quiz\.yaml:\d+: question "scaling" option "b": field "questions\.0\.options\.1\.explanation"/,
    );
    expect(broken.output).toMatch(
      /valid-deck\.yaml:\d+: card "scaling": field "cards\.0\.source": note "valid-note" has no heading with id "section-one"/,
    );
    expect(broken.output).toMatch(
      /valid-note\.mdx:12: \[\[No such note\]\]: no note is named "No such note"/,
    );
    restoreQuiz();
    restoreNote();

    // An invalid diagram, after the last good build rendered that note's diagram from cache.
    const restoreDiagram = edit(note, 'A[Client] --> B[Server]', 'A[Client] --> --> B[');
    const badDiagram = build();
    expect(badDiagram.status).not.toBe(0);
    expect(badDiagram.output).toMatch(/valid-note\.mdx:20: Parse error on line 2/);
    restoreDiagram();

    // One changed cell: the page, the derived cards and the quiz key say what the note says now.
    edit(note, '| Scaling | Easy | Hard |', '| Scaling | Effortless | Hard |');
    edit(note, '## Section one', '## Section one\n\nA sentence added since the last build.');
    const changed = build();
    expect(changed.status, changed.output).toBe(0);
    expect(changed.output).toMatch(/derived data: [1-9]\d* reused, [1-9]\d* computed/);
    expect(changed.output).not.toMatch(/notes\/valid-note\/index\.html \((cached|restored)\)/);
    const notePage = page('notes/valid-note/index.html');
    expect(notePage).toContain('A sentence added since the last build.');
    expect(notePage).toContain('Effortless');
    const deck = page('flashcards/valid-note/index.html');
    const answers = [...deck.matchAll(/class="card-answer">([^<]*)</g)].map((m) => m[1]);
    expect(answers).toContain('Effortless');
    expect(answers).not.toContain('Easy');
    const key = JSON.parse(page('quizzes/valid-quiz/key.json'));
    expect(key.questions.scaling.source.heading).toBe('Section one');
  }, 900_000);
});
