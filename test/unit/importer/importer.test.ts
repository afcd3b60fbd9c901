import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { checkNoteFile } from '../../../src/domain/content/gate.ts';
import {
  escapeMdx,
  headingShift,
  isAsciiArt,
  type LinkReport,
  rewriteHeading,
  rewriteLinks,
  splitBlocks,
} from '../../../src/domain/importer/body.ts';
import {
  escapeEdgeLabelQuotes,
  quoteParenthesisedLabels,
  repairDiagram,
} from '../../../src/domain/importer/diagrams.ts';
import { repairLine, repairMojibake } from '../../../src/domain/importer/encoding.ts';
import {
  cleanTitle,
  deriveSummary,
  findTitle,
  inferTags,
  plainInline,
  slugify,
  titleSlug,
  uniqueSlug,
} from '../../../src/domain/importer/frontmatter.ts';
import { finishNote, ImportError, prepareNote } from '../../../src/domain/importer/note.ts';
import { NoteSchema } from '../../../src/schemas/note.ts';

// The user's five raw notes, copied here so the tests run without ../shared beside the repo.
const SEEDS = 'test/fixtures/seeds';
const seedFiles = readdirSync(SEEDS).sort();
const seed = (prefix: string) => {
  const name = seedFiles.find((f) => f.startsWith(prefix)) as string;
  return { name, bytes: readFileSync(join(SEEDS, name)) };
};
const links = { note: () => undefined, asset: () => undefined };
const bytes = (text: string) => new TextEncoder().encode(text);
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);
/** MDX expressions (`{…}`) in a body: each would run as JavaScript on the page. */
const expressions = (body: string): string[] => {
  const found: string[] = [];
  visit(mdxParser.parse(body), (node) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression')
      found.push((node as unknown as { value: string }).value);
  });
  return found;
};

describe('mojibake repair', () => {
  it('restores UTF-8 that was read as Mac Roman, including the Apple-logo byte', () => {
    expect(repairLine('## \uf8ff√º√©√ò Definitions'.replace('√º√©√ò', 'üéØ'))).toEqual({
      text: '## 🎯 Definitions',
      codepage: 'macintosh',
    });
    expect(repairLine('depend on input ‚Äî no memory').text).toBe('depend on input — no memory');
  });

  it('restores UTF-8 that was read as Windows-1252', () => {
    expect(repairLine('Fault tolerantâ€”no session data')).toEqual({
      text: 'Fault tolerant—no session data',
      codepage: 'windows-1252',
    });
  });

  it.each([
    'café au lait, naïve façade',
    '✅ done → next',
    '🎯 Definitions',
    'Ünïcödé — “quotes”',
    'plain ASCII',
  ])('leaves correct text untouched: %s', (line) => {
    expect(repairLine(line)).toEqual({ text: line });
  });

  it('repairs seed 002 line by line (18 lines) and seed 003 (1 line), nothing in the others', () => {
    const count = (prefix: string) =>
      repairMojibake(seed(prefix).bytes.toString('utf8')).repaired.map((r) => r.line);
    expect(count('002')).toHaveLength(18);
    expect(count('003')).toEqual([49]);
    expect(count('000')).toEqual([]);
    expect(count('001')).toEqual([]);
    expect(count('004')).toEqual([]);
  });
});

describe('frontmatter derivation', () => {
  it('finds ATX and setext titles, skipping code', () => {
    expect(findTitle(['', '## **Bold** title', 'x'])).toEqual({
      title: 'Bold title',
      start: 1,
      length: 1,
      level: 2,
    });
    expect(findTitle(['Stateless vs Stateful', '===', 'x'])).toEqual({
      title: 'Stateless vs Stateful',
      start: 0,
      length: 2,
      level: 1,
    });
    expect(findTitle(['Subtitle', '---'])?.level).toBe(2);
    // Anything before the title (even code) would be lost, so the note has no usable title.
    expect(findTitle(['```', '# not a title', '```', '# Real'])).toBeNull();
    expect(findTitle(['text first', '# Late heading'])).toBeNull();
    expect(findTitle([])).toBeNull();
  });

  it('cleans course numbering from titles and slugs the part before a colon', () => {
    expect(cleanTitle('11 - Architecture Paradigms: Serverless vs Traditional')).toBe(
      'Architecture Paradigms: Serverless vs Traditional',
    );
    expect(cleanTitle('2.1) Caching')).toBe('Caching');
    expect(titleSlug('Architecture Paradigms: Serverless vs Traditional')).toBe('architecture-paradigms');
    expect(titleSlug('Caching: Basics')).toBe('caching-basics');
    expect(slugify('Café & Crème — “Notes”!')).toBe('cafe-and-creme-notes');
    expect(uniqueSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
    expect(uniqueSlug('b', new Set(['a']))).toBe('b');
  });

  it('strips inline markdown', () => {
    expect(plainInline('**Bold** _it_ `code` [link](x) ![img](y) a\\&b')).toBe('Bold it code link img a&b');
  });

  it('takes the first real paragraph as summary, quotes included, cut at a sentence', () => {
    expect(deriveSummary(['## Overview', '', '> One **important** decision.', '', 'Second.'])).toBe(
      'One important decision.',
    );
    expect(
      deriveSummary(['```', 'code', '```', '- list', '| t |', 'Para one', 'continues.', '```', 'x', '```']),
    ).toBe('Para one continues.');
    const long = `${'This sentence is long enough to matter. '.repeat(8)}`;
    const summary = deriveSummary([long]);
    expect(summary.length).toBeLessThanOrEqual(220);
    expect(summary.endsWith('.')).toBe(true);
    expect(deriveSummary([`${'word '.repeat(80)}`]).endsWith('…')).toBe(true);
    expect(deriveSummary(['# Only headings'])).toBe('');
    expect(deriveSummary(['Two hard things. #caching/patterns #todo C# and issue #42 stay.'])).toBe(
      'Two hard things. C# and issue #42 stay.',
    );
  });

  it('infers tags from the topic vocabulary, headings weigh more', () => {
    // Ties sort by name.
    expect(
      inferTags(['## Serverless', 'serverless lambda serverless', 'cost cost $5 billing pricing cost']),
    ).toEqual(['cost', 'serverless']);
    // The same body without the heading falls below the threshold for serverless.
    expect(inferTags(['serverless lambda serverless', 'cost cost $5 billing pricing cost'])).toEqual([
      'cost',
    ]);
    expect(inferTags(['nothing relevant'])).toEqual([]);
  });
});

describe('body rewriting', () => {
  it('escapes MDX-unsafe characters outside inline code only', () => {
    expect(escapeMdx('a {b} < c `x {y} <z>` d').text).toBe('a \\{b\\} &lt; c `x {y} <z>` d');
    expect(escapeMdx('already \\{ok\\}').changed).toBe(false);
    expect(escapeMdx('import this').text).toBe('&#105;mport this');
    expect(escapeMdx('export that').text).toBe('&#101;xport that');
  });

  it('shifts headings so sections are h2, strips whole-heading bold, clamps to h2..h6', () => {
    const blocks = splitBlocks(['# A', '## B', '```', '# code', '```']);
    expect(headingShift(blocks)).toBe(1);
    expect(headingShift(splitBlocks(['### A', '#### B']))).toBe(-1);
    expect(headingShift(splitBlocks(['text']))).toBe(0);
    expect(rewriteHeading('### **Definitions**', -1)).toBe('## Definitions');
    expect(rewriteHeading('###### Deep', 3)).toBe('###### Deep');
    expect(rewriteHeading('not a heading', 1)).toBe('not a heading');
  });

  it('tells ASCII art from code', () => {
    const fence = (body: string[], lang = '') => ({
      kind: 'fence' as const,
      marker: '```',
      lang,
      meta: '',
      body,
      line: 1,
      closed: true,
    });
    expect(isAsciiArt(fence(['+----+', '| A  |', '+----+', '   |', '   v']))).toBe(true);
    expect(isAsciiArt(fence(['┌──┐', '│ x│', '└──┘']))).toBe(true);
    expect(isAsciiArt(fence(['FUNCTION F():', '  IF x THEN', '  RETURN y', 'END']))).toBe(false);
    expect(isAsciiArt(fence(['Cost: 3 × $0.04', '- 1 million requests', '- 200ms']))).toBe(false);
    expect(isAsciiArt(fence(['+--+', '|  |', '+--+'], 'js'))).toBe(false);
    expect(isAsciiArt(fence(['+--+']))).toBe(false);
  });

  it('turns missing images and notes into visible notes and links imported notes', () => {
    const report: LinkReport = { missingImages: [], missingNotes: [], rewrittenLinks: [] };
    const ctx = {
      note: (dest: string) => (dest === './02-other.md' ? 'other-note' : undefined),
      asset: (dest: string) => (dest === './images/here.png' ? dest : undefined),
    };
    // A block on its own, with blank lines around it, so it never ends up inside a paragraph.
    expect(rewriteLinks('![stateless](./images/stateless.png)', ctx, report)).toBe(
      '\n<aside class="missing-asset" role="note"><strong>Image not included in the source:</strong> stateless <code>./images/stateless.png</code></aside>\n',
    );
    expect(rewriteLinks('![here](./images/here.png)', ctx, report)).toBe('![here](./images/here.png)');
    expect(rewriteLinks('See ![remote](https://x.test/a.png) here', ctx, report)).toBe(
      'See <span class="missing-asset">Image not included in the source: remote</span> here',
    );
    expect(rewriteLinks('Inline ![here](./images/here.png) stays', ctx, report)).toBe(
      'Inline ![here](./images/here.png) stays',
    );
    expect(rewriteLinks('[Next](./02-other.md#part) and [Gone](../05-gone.md)', ctx, report)).toBe(
      '[Next](/notes/other-note/#part) and <span class="missing-asset">Linked note not included in the source: Gone</span>',
    );
    expect(report).toEqual({
      missingImages: ['./images/stateless.png', 'https://x.test/a.png'],
      missingNotes: ['../05-gone.md'],
      rewrittenLinks: ['./02-other.md'],
    });
  });
});

describe('diagram repairs', () => {
  it('quotes labels with parentheses but never turns shapes into rectangles', () => {
    expect(quoteParenthesisedLabels('A[Calculator API<br/>add(2, 3) = 5]')).toBe(
      'A["Calculator API<br/>add(2, 3) = 5"]',
    );
    expect(quoteParenthesisedLabels('DB[(Database)] --> B[Plain]')).toBe('DB[(Database)] --> B[Plain]');
    expect(quoteParenthesisedLabels('A["already (quoted)"]')).toBe('A["already (quoted)"]');
  });

  it('escapes quotes inside edge labels, leaving wholly quoted labels', () => {
    expect(escapeEdgeLabelQuotes('C1 -->|Get "apple"| R1')).toBe('C1 -->|Get #quot;apple#quot;| R1');
    expect(escapeEdgeLabelQuotes('A -->|"Request 1"| B')).toBe('A -->|"Request 1"| B');
  });

  it('reports which repairs were applied', () => {
    expect(repairDiagram('A[f(x)] -->|say "hi"| B')).toEqual({
      source: 'A["f(x)"] -->|say #quot;hi#quot;| B',
      applied: ['quoted labels containing parentheses', 'escaped quotes inside edge labels'],
    });
    expect(repairDiagram('A --> B').applied).toEqual([]);
  });
});

describe('prepareNote and finishNote', () => {
  const raw = (file: string) => ({ name: file, bytes: readFileSync(join('test/fixtures/raw', file)) });
  it.each([
    ['empty.md', 'empty.md: the file is empty'],
    ['binary.md', 'binary.md: the file is binary (it contains NUL bytes), not a text note'],
    ['no-body.md', 'no-body.md: the note has a title but no text'],
    ['unclosed.md', 'unclosed.md: line 5: code fence is never closed'],
  ])('rejects %s with a message naming it', (file, message) => {
    expect(() => prepareNote(raw(file), { order: 1, links })).toThrow(ImportError);
    expect(() => prepareNote(raw(file), { order: 1, links })).toThrow(message);
  });

  it('rejects bytes that are not UTF-8', () => {
    expect(() =>
      prepareNote({ name: 'x.md', bytes: Uint8Array.of(0x23, 0x20, 0xff, 0xfe) }, { order: 1, links }),
    ).toThrow('x.md: the file is not UTF-8 or UTF-16 text');
  });

  it('normalises Windows line endings, escapes MDX outside code and reports both', () => {
    const note = prepareNote(raw('crlf.md'), { order: 1, links });
    const mdx = finishNote(note);
    expect(mdx).not.toContain('\r');
    expect(mdx).toContain('Line one with \\{braces\\} and a &lt; sign.');
    expect(mdx).toContain('const a = {b: 1};');
    expect(note.report.repaired).toContain('Windows line endings → \\n');
    expect(note.report.repaired).toContain('1 line(s) with MDX-unsafe characters escaped');
  });

  it('drops a byte-order mark and keeps an explicit slug', () => {
    const note = prepareNote(
      { name: 'b.md', bytes: bytes('\ufeff# Title\n\nBody.\n') },
      { order: 5, slug: 'custom', links },
    );
    expect(note.frontmatter).toMatchObject({ title: 'Title', slug: 'custom', order: 5, summary: 'Body.' });
  });

  describe.each(seedFiles.map((f) => [f]))('seed %s', (file) => {
    const note = prepareNote(seed(file.slice(0, 3)), { order: 10, links });
    const mdx = finishNote(note);

    it('has schema-valid frontmatter and passes the content gate', () => {
      expect(NoteSchema.safeParse(note.frontmatter).success).toBe(true);
      expect(checkNoteFile({ path: file, bytes: bytes(mdx) }, NoteSchema).errors).toEqual([]);
    });

    it('compiles as MDX, every section a real h2 and no stray expression', async () => {
      const body = mdx.replace(/^---[\s\S]*?---\n/, '');
      const code = String(await compile(body, { remarkPlugins: [remarkGfm, remarkMath] }));
      const sections = body.replace(/^```[\s\S]*?^```/gm, '').match(/^## /gm)?.length ?? 0;
      expect(sections).toBeGreaterThan(0);
      expect(code.match(/_components\.h2,/g)).toHaveLength(sections);
      // Escaped braces stay text: no JavaScript expression made it into the page.
      expect(expressions(body)).toEqual([]);
    });

    it('is idempotent', () => {
      expect(finishNote(prepareNote(seed(file.slice(0, 3)), { order: 10, links }))).toBe(mdx);
    });

    it('keeps sections as h2 and removes the title from the body', () => {
      const body = mdx.replace(/^---[\s\S]*?---\n/, '');
      const outsideCode = body.replace(/^```[\s\S]*?^```/gm, '');
      expect(outsideCode).not.toMatch(/^# /m);
      expect(outsideCode).toMatch(/^## /m);
      expect(body).not.toContain(`# ${note.frontmatter.title}\n`);
    });
  });

  it('derives the expected frontmatter for the seeds', () => {
    const fm = (prefix: string) => prepareNote(seed(prefix), { order: 10, links }).frontmatter;
    expect(fm('000')).toMatchObject({
      title: 'Architecture Paradigms: Serverless vs Traditional, Stateful vs Stateless',
      slug: 'architecture-paradigms',
    });
    expect(fm('001')).toMatchObject({
      title: 'Stateless vs Stateful Architecture',
      slug: 'stateless-vs-stateful-architecture',
    });
    expect(fm('002').summary).toBe(
      'One of the most important architectural decisions in distributed systems.',
    );
    expect(fm('004').tags).toContain('serverless');
  });

  it('marks the ASCII figures of seeds 000 and 004 and keeps the Quick Reference Card verbatim', () => {
    const mdx000 = finishNote(prepareNote(seed('000'), { order: 10, links }));
    expect(mdx000).toContain('```text ascii title="Quick Reference Card"\n┌──');
    expect(mdx000).toContain('│              ARCHITECTURE PARADIGMS CHEAT SHEET                  │');
    const mdx004 = finishNote(prepareNote(seed('004'), { order: 10, links }));
    expect(mdx004.match(/```text ascii/g)).toHaveLength(2);
    expect(mdx004).toContain('```text\n// === FUNCTION: Process Order ===');
  });

  it('reports the missing images of seed 001 and the missing notes of seed 002', () => {
    const n1 = prepareNote(seed('001'), { order: 10, links });
    finishNote(n1);
    expect(n1.report.needsHuman.filter((h) => h.startsWith('image not included'))).toHaveLength(8);
    const n2 = prepareNote(seed('002'), { order: 10, links });
    finishNote(n2);
    expect(n2.report.needsHuman.filter((h) => h.startsWith('linked note not included'))).toHaveLength(2);
    expect(n2.report.repaired[0]).toMatch(/^18 line\(s\) of UTF-8 read as Mac Roman restored/);
  });
});
