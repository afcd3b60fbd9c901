/**
 * The content gate never throws on a note body: each of these made `check:content` crash with
 * an uncaught compiler error (`file: ''`, the line counted from the body). Now each is one error
 * naming the file, the FILE's own line and how to fix it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkNoteFile, checkNotes, formatContentError } from '../../../src/domain/content/gate.ts';
import { checkNoteBody, syntaxHint } from '../../../src/domain/content/note-body.ts';
import { gateContent } from '../../../src/integrations/load-notes.ts';
import { NoteSchema } from '../../../src/schemas/note.ts';

// Frontmatter of 8 lines, a blank line, a heading, a blank line: the body text is on line 12.
const note = (body: string, slug = 'odd') =>
  new TextEncoder().encode(
    `---\ntitle: Odd\nslug: ${slug}\nsummary: A note.\ntags: [t]\norder: 1\nsource: odd.md\n---\n\n## Intro\n\n${body}\n`,
  );
const check = (body: string) => {
  const result = checkNoteFile({ path: 'content/notes/odd.mdx', bytes: note(body) }, NoteSchema);
  return { ...result, messages: result.errors.map(formatContentError) };
};

describe('a note body the MDX compiler rejects is an error on the file’s own line, with a hint', () => {
  it.each([
    [
      'p99 {under 20ms}',
      /odd\.mdx:12: not valid MDX: Could not parse expression with acorn \(a `\{` in prose .*escape it as `\\\{` or write it in backticks\)/,
    ],
    ['Use <Foo> here.', /odd\.mdx:12: not valid MDX: Expected a closing tag for `<Foo>`.*escape it as `\\<`/],
    [
      'Text <!-- TODO --> more.',
      /odd\.mdx:12: not valid MDX: Unexpected character `!` \(U\+0021\) before name \(MDX has no HTML comments .*write `\{\/\* … \*\/\}` instead/,
    ],
    ['a<br>b', /odd\.mdx:12: not valid MDX: Expected a closing tag for `<br>`.*write `<br \/>`/],
    ['<Foo />', /odd\.mdx:12: <Foo> is not HTML a note may use/],
    ['import fs from "node:fs"', /odd\.mdx:12: `import` is code, and a note cannot run code/],
    ['export const a = 1', /odd\.mdx:12: `export` is code/],
    ['Hello {process.env.HOME}', /odd\.mdx:12: `\{process\.env\.HOME\}` is a JavaScript expression/],
  ])('%s', (body, expected) => {
    const { messages, note: checked } = check(body);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(expected);
    // The note is still known (its slug and headings), so sources into it do not cascade.
    expect(checked?.data.slug).toBe('odd');
  });

  it('counts lines from the file when the error is deep in the body', () => {
    const { messages } = check('One.\n\nTwo.\n\n```js\nconst a = {b};\n```\n\nThree {oops}.');
    expect(messages).toEqual([expect.stringMatching(/^content\/notes\/odd\.mdx:20: `\{oops\}`/)]);
  });

  it('reports every code problem of a body, each on its line', () => {
    const { errors } = checkNoteBody('n.mdx', 'import a from "a"\n\n{a}\n\n<Widget />\n', 5);
    expect(errors.map((e) => e.line)).toEqual([5, 7, 9]);
  });

  it('escaped and backticked braces and tags are fine', () => {
    expect(check('p99 \\{under 20ms\\} and `{x}` and \\<Foo\\> and `<br>` and &lt;b&gt;').messages).toEqual(
      [],
    );
  });

  it('removed HTML is a warning on its line, not an error', () => {
    const { errors, warnings } = checkNoteBody(
      'n.mdx',
      'x\n\n<meta httpEquiv="refresh" content="0;url=https://evil.example" />\n',
      10,
    );
    expect(errors).toEqual([]);
    expect(warnings.map(formatContentError)).toEqual(['n.mdx:12: removed <meta> (removed with its content)']);
  });

  it('hints fall back to the general advice', () => {
    expect(syntaxHint('Unexpected end of file')).toMatch(/escape a literal/);
  });
});

describe('one root cause, one error', () => {
  let dir = '';
  afterEach(() => {
    delete process.env.TRADEOFFS_NOTES_DIR;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a duplicate slug is one error, not one per quiz source into the first note', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tradeoffs-dup-'));
    cpSync('content/notes', dir, { recursive: true });
    // A different note that claims the slug of the note most quizzes point into.
    const copy = readFileSync(join(dir, 'serverless-architecture.mdx'), 'utf8').replace(
      /^slug: .*$/m,
      'slug: architecture-paradigms',
    );
    writeFileSync(join(dir, 'zz-copy.mdx'), copy);
    process.env.TRADEOFFS_NOTES_DIR = dir;
    const { errors } = await gateContent();
    expect(errors.map(formatContentError)).toEqual([
      expect.stringMatching(
        /zz-copy\.mdx: field "slug": duplicate slug "architecture-paradigms": .*architecture-paradigms\.mdx already uses it/,
      ),
    ]);
  });

  it('a note whose body does not parse is one error; quizzes pointing into it still resolve', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tradeoffs-broken-'));
    cpSync('content/notes', dir, { recursive: true });
    const file = join(dir, 'architecture-paradigms.mdx');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('## Overview\n', '## Overview\n\nLatency p99 {under 20ms}.\n'),
    );
    process.env.TRADEOFFS_NOTES_DIR = dir;
    const { errors } = await gateContent();
    expect(errors.map(formatContentError)).toEqual([
      expect.stringMatching(
        /architecture-paradigms\.mdx:\d+: not valid MDX: Could not parse expression with acorn/,
      ),
    ]);
  });

  it('checkNotes keeps the first of two notes with one slug', () => {
    const { notes, errors } = checkNotes(
      [
        { path: 'a.mdx', bytes: note('A.', 'same') },
        { path: 'b.mdx', bytes: note('B.', 'same') },
      ],
      NoteSchema,
    );
    expect(notes.map((n) => n.file)).toEqual(['a.mdx']);
    expect(errors).toHaveLength(1);
  });
});
