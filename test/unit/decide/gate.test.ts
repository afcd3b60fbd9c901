import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/domain/content/errors.ts';
import { checkWalkerFile, checkWalkerFiles } from '../../../src/domain/decide/gate.ts';
import { anchorIndex } from '../../../src/domain/notes/anchors.ts';
import type { NoteText } from '../../../src/domain/notes/collection.ts';
import { gateContent, gateNotes } from '../../../src/integrations/load-notes.ts';

const { notes: checkedNotes } = await gateNotes();
const NOTE = 'content/notes/architecture-paradigms.mdx';
const notes: NoteText[] = checkedNotes;
const index = anchorIndex(checkedNotes.map((n) => ({ data: n.data, body: n.body })));
const REAL = 'content/decide/decision-framework.yaml';
const realText = readFileSync(REAL, 'utf8');

const check = (text: string, path = REAL, withNotes = notes) =>
  checkWalkerFile({ path, bytes: new TextEncoder().encode(text) }, withNotes, index);
const messages = (text: string, path = REAL, withNotes = notes) =>
  check(text, path, withNotes).errors.map(formatContentError);

/** The real note with its decision diagram edited. */
function editedNote(edit: (body: string) => string): NoteText[] {
  return notes.map((n) => (n.data.slug === 'architecture-paradigms' ? { ...n, body: edit(n.body) } : n));
}
const lineInNote = (text: string) =>
  readFileSync(NOTE, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

describe('the real decision walker', () => {
  it('passes the gate with a reason for every answer and leaf (no warnings)', () => {
    const result = check(realText);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(Object.keys(result.walker?.tree.questions ?? {})).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(result.walker?.diagram).toMatchObject({
      note: 'architecture-paradigms',
      heading: 'Decision Framework',
    });
  });

  it('is wired into gateContent (and so check:content and the build)', async () => {
    const content = await gateContent();
    expect(content.errors).toEqual([]);
    expect(content.walkers).toHaveLength(1);
    expect(content.counts.walkers).toBe(1);
    const none = await gateContent(process.cwd(), {
      quizzes: 'quizzes',
      cards: 'content/cards',
      compare: 'content/compare',
      decide: 'test/fixtures/none',
    });
    expect(none.walkers).toEqual([]);
  });
});

describe('a walker file that no longer matches its diagram (file, line, item, field)', () => {
  it('the heading is gone', () => {
    expect(messages(realText.replace('#decision-framework', '#decision-frame'))).toEqual([
      expect.stringMatching(
        /decision-framework\.yaml:8: field "diagram": note "architecture-paradigms" has no heading with id "decision-frame" \(did you mean "decision-framework"\?\)$/,
      ),
    ]);
  });

  it('the heading is there but holds no diagram', () => {
    expect(messages(realText.replace('#decision-framework', '#comparison-matrix'))).toEqual([
      expect.stringMatching(
        /decision-framework\.yaml:8: field "diagram": the section "architecture-paradigms#comparison-matrix" has no mermaid diagram/,
      ),
    ]);
  });

  it('the diagram no longer reads as a tree: the error points into the note', () => {
    const broken = editedNote((b) => b.replace('Q4 -->|"Ops capability"| Trad2', 'Q4 --> Trad2'));
    expect(messages(realText, REAL, broken)).toEqual([
      `${NOTE}:${lineInNote('Q4 -->|"Ops capability"|')}: decision diagram used by ${REAL}: the edge Q4 --> Trad2 leaves question Q4 "Team expertise?" without a label: write the answer as Q4 -->|answer| Trad2`,
    ]);
  });

  it('an answer label was edited: the stale reason is named', () => {
    const edited = editedNote((b) => b.replace('"Prefer managed"', '"Prefer a managed service"'));
    expect(messages(realText, REAL, edited)).toEqual([
      expect.stringMatching(
        /decision-framework\.yaml:4\d: question "Q4" answer "Prefer managed": field "questions\.3\.answers\.1\.answer": question Q4 "Team expertise\?" has no answer "Prefer managed" in the diagram in architecture-paradigms#decision-framework \(answers: "Ops capability", "Prefer a managed service"\)$/,
      ),
    ]);
  });

  it('a question or leaf id is gone, or is the other kind', () => {
    const text = realText.replace('  - id: Q4\n', '  - id: Q9\n').replace('  - id: SL3\n', '  - id: Q1\n');
    const found = messages(
      text.replace('  - id: Trad1\n', '  - id: Q2\n').replace('  - id: Q3\n', '  - id: SL1\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(
        /question "SL1": field "questions\.2\.id": SL1 is a leaf \("Serverless"\) .*list it under leaves$/,
      ),
      expect.stringMatching(
        /question "Q9": field "questions\.3\.id": .* has no question Q9 \(questions: Q1, Q2, Q3, Q4\)$/,
      ),
      expect.stringMatching(/leaf "Q2": field "leaves\.0\.id": Q2 is a question .*list it under questions$/),
      expect.stringMatching(/leaf "Q1": field "leaves\.4\.id": Q1 is a question/),
    ]);
    expect(messages(realText.replace('  - id: SL3\n', '  - id: SL9\n'))).toEqual([
      expect.stringMatching(/leaves\.4\.id": .* has no leaf SL9 \(leaves: Trad1, SL1, SL2, Trad2, SL3\)$/),
    ]);
  });

  it('duplicate ids, a file name that differs from the id, a bad source', () => {
    const text = realText
      .replace('id: decision-framework', 'id: other')
      .replace('  - id: Q2\n', '  - id: Q1\n')
      .replace('  - id: SL1\n', '  - id: Trad1\n')
      .replace('source: architecture-paradigms#cost-model', 'source: architecture-paradigms#nope');
    expect(messages(text)).toEqual([
      expect.stringMatching(
        /:4: field "id": the walker id must match the file name: expected "decision-framework"; received "other"$/,
      ),
      expect.stringMatching(
        /:24: question "Q1" answer #1: field "questions\.1\.answers\.0\.source": note "architecture-paradigms" has no heading with id "nope"$/,
      ),
      expect.stringMatching(
        /:19: question "Q1": field "questions\.1\.id": duplicate id "Q1" \(question #1 already uses it\)$/,
      ),
      expect.stringMatching(
        /:\d+: leaf "Trad1": field "leaves\.1\.id": duplicate id "Trad1" \(leaf #1 already uses it\)$/,
      ),
      // The second "Q1" also holds Q2's answers, which Q1 does not have.
      expect.stringMatching(
        /:22: question "Q1" answer "Spiky, unpredictable": field "questions\.1\.answers\.0\.answer"/,
      ),
      expect.stringMatching(/:25: question "Q1" answer "Steady, high volume"/),
    ]);
  });

  it('schema errors come from the shared YAML checker', () => {
    expect(messages('id: decision-framework\ntitle: x\n')[0]).toMatch(
      /field "summary": the field is missing/,
    );
    expect(messages(realText.replace('- href: /cost/', '- href: https://example.com/'))[0]).toMatch(
      /field "links\.1\.href": expected a site path such as \/cost\//,
    );
  });
});

describe('gaps are warnings, not errors', () => {
  it('an answer or a leaf without a written reason', () => {
    const text = realText
      .replace(/ {6}- answer: Ops capability\n(?: {8}.*\n)+/, '')
      .replace(/ {2}- id: SL2\n(?: {4}.*\n)+/, '');
    const result = check(text);
    expect(result.errors).toEqual([]);
    expect(result.walker).toBeDefined();
    expect(result.warnings.map(formatContentError)).toEqual([
      `${REAL}: question "Q4": no reason written for the answer "Ops capability" (the walker shows the answer alone)`,
      `${REAL}: leaf "SL2": no reason written for the recommendation "Serverless"`,
    ]);
  });

  it('a walker with no reasons at all is valid', () => {
    const result = check(
      'id: decision-framework\ntitle: T\nsummary: S\ndiagram: architecture-paradigms#decision-framework\n',
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toHaveLength(13);
  });
});

it('one walker at most (it is the page /decide/)', () => {
  const bytes = new TextEncoder().encode(realText);
  const { errors, walkers } = checkWalkerFiles(
    [
      { path: REAL, bytes },
      { path: 'content/decide/second.yaml', bytes },
    ],
    notes,
    index,
  );
  expect(walkers).toHaveLength(1);
  expect(errors.map(formatContentError)).toEqual([
    expect.stringMatching(/second\.yaml:4: field "id": the walker id must match the file name/),
    expect.stringMatching(/second\.yaml: only one decision walker is supported .*found 2/),
  ]);
});
