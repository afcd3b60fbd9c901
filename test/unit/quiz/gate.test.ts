import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/domain/content/errors.ts';
import { noteAnchors } from '../../../src/domain/notes/anchors.ts';
import { checkQuizFile } from '../../../src/domain/quiz/gate.ts';
import { gateContent } from '../../../src/integrations/load-notes.ts';

const DIR = 'test/fixtures/malformed/quizzes';
const validBody = readFileSync('test/fixtures/valid/notes/valid-note.mdx', 'utf8')
  .split(/^---$/m)
  .slice(2)
  .join('---');
const index = new Map([['valid-note', { title: 'Valid note', anchors: noteAnchors(validBody) }]]);

const messages = (name: string) =>
  checkQuizFile(
    { path: `${DIR}/${name}.yaml`, bytes: readFileSync(`${DIR}/${name}.yaml`) },
    index,
  ).errors.map(formatContentError);

// Each malformed quiz fails with every message in full: the file, the line, the question and the field.
const cases: [string, string[]][] = [
  [
    'unknown-type',
    [
      `${DIR}/unknown-type.yaml:9: question "pick-two": field "questions.0.type": unknown question type: expected one of single, multiple, order, match, free; received "pick"`,
    ],
  ],
  [
    'missing-explanation',
    [
      `${DIR}/missing-explanation.yaml:18: question "no-why" option "b": field "questions.0.options.1.explanation": the field is missing (expected string)`,
    ],
  ],
  [
    'no-correct-option',
    [
      `${DIR}/no-correct-option.yaml:14: question "nothing-right": field "questions.0.options": a single-answer question needs exactly one option with correct: true; found 0; received 2 items`,
    ],
  ],
  [
    'several-correct-single',
    [
      `${DIR}/several-correct-single.yaml:14: question "two-right": field "questions.0.options": a single-answer question needs exactly one option with correct: true; found 2 (a, b); received 2 items`,
    ],
  ],
  [
    'duplicate-question-id',
    [
      `${DIR}/duplicate-question-id.yaml:21: question "ok": field "questions.1.id": duplicate id "ok" (question #1 already uses it)`,
    ],
  ],
  [
    'duplicate-option-id',
    [
      `${DIR}/duplicate-option-id.yaml:18: question "same-option" option "a": field "questions.0.options.1.id": duplicate id "a" (option #1 already uses it)`,
    ],
  ],
  [
    'missing-note',
    [
      `${DIR}/missing-note.yaml:11: question "ok": field "questions.0.source": no note has the slug "no-such-note" (notes: valid-note)`,
    ],
  ],
  [
    'missing-heading',
    [
      `${DIR}/missing-heading.yaml:11: question "ok": field "questions.0.source": note "valid-note" has no heading with id "section-two"`,
    ],
  ],
  [
    'unknown-key',
    [
      `${DIR}/unknown-key.yaml:13: question "ok": field "questions.0.hint": unknown key "hint" (not a field of this schema; check the spelling)`,
    ],
  ],
  ['yaml-syntax', [`${DIR}/yaml-syntax.yaml:12: not valid YAML: Missing closing "quote`]],
  ['empty', [`${DIR}/empty.yaml: the file is empty`]],
  [
    'id-mismatch',
    [
      `${DIR}/id-mismatch.yaml:1: field "id": the quiz id must match the file name: expected "id-mismatch"; received "another-name"`,
    ],
  ],
  [
    'wrong-type-points',
    [
      `${DIR}/wrong-type-points.yaml:11: question "ok": field "questions.0.points": Invalid input: expected number, received string ("two")`,
    ],
  ],
  [
    'order-one-item',
    [
      `${DIR}/order-one-item.yaml:14: question "one-step": field "questions.0.items": needs at least 2 items; received 1 item`,
      `${DIR}/order-one-item.yaml:8: question "one-step": field "questions.0.explanation": the field is missing (expected string)`,
    ],
  ],
  [
    'free-no-rubric',
    [
      `${DIR}/free-no-rubric.yaml:14: question "essay": field "questions.0.rubric": needs at least 1 rubric item; received 0 items`,
      `${DIR}/free-no-rubric.yaml:8: question "essay": field "questions.0.explanation": the field is missing (expected string)`,
    ],
  ],
  [
    'no-questions',
    [`${DIR}/no-questions.yaml:7: field "questions": a quiz needs at least one question; received 0 items`],
  ],
  [
    'missing-source',
    [
      `${DIR}/missing-source.yaml:8: question "ok": field "questions.0.source": the field is missing (expected string)`,
    ],
  ],
];

describe('quiz content gate on malformed quizzes', () => {
  it('has a pinned message for every fixture', () => {
    const fixtures = readdirSync(DIR).map((f) => f.replace(/\.yaml$/, ''));
    expect(fixtures.sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it.each(cases)('%s', (name, expected) => {
    expect(messages(name)).toEqual(expected);
  });

  it('reports both problems of a question at once where both are visible', () => {
    expect(messages('order-one-item')).toHaveLength(2);
  });

  it('catches an empty file that holds only comments', () => {
    const { errors } = checkQuizFile(
      { path: 'quizzes/c.yaml', bytes: Buffer.from('# just a comment\n\n') },
      index,
    );
    expect(errors.map(formatContentError)).toEqual([
      'quizzes/c.yaml: the file is empty (only whitespace or comments)',
    ]);
  });

  it('rejects a file that is not UTF-8', () => {
    const { errors } = checkQuizFile(
      { path: 'quizzes/b.yaml', bytes: Buffer.from([0x69, 0x64, 0x3a, 0xff]) },
      index,
    );
    expect(errors[0]?.message).toBe('the file is not valid UTF-8');
  });

  it('refuses a repeated id among steps, pairs and rubric items', () => {
    const question = (id: string, type: string, list: string, extra = '') =>
      `  - id: ${id}\n    type: ${type}\n    topic: scaling\n    source: valid-note#section-one\n    prompt: P?\n    explanation: E.\n${extra}    ${list}:\n` +
      ['x', 'y', 'x']
        .map(
          (item, i) =>
            `      - id: ${item}\n        ${type === 'match' ? `left: L${i}\n        right: R${i}` : `text: T${i}`}\n`,
        )
        .join('');
    const text =
      'id: ids\ntitle: T\nsummary: S\ntags: [t]\nnotes: [valid-note]\nminutes: 1\nquestions:\n' +
      question('steps', 'order', 'items') +
      question('pairs', 'match', 'pairs') +
      question('essay', 'free', 'rubric', '    answer: A.\n');
    const { errors } = checkQuizFile({ path: 'quizzes/ids.yaml', bytes: Buffer.from(text) }, index);
    expect(errors.map(formatContentError)).toEqual([
      'quizzes/ids.yaml:19: question "steps" item "x": field "questions.0.items.2.id": duplicate id "x" (item #1 already uses it)',
      'quizzes/ids.yaml:34: question "pairs" pair "x": field "questions.1.pairs.2.id": duplicate id "x" (pair #1 already uses it)',
      'quizzes/ids.yaml:49: question "essay" rubric "x": field "questions.2.rubric.2.id": duplicate id "x" (rubric #1 already uses it)',
    ]);
  });

  it('checks that related notes exist', () => {
    const text = readFileSync(`${DIR}/missing-heading.yaml`, 'utf8')
      .replace('id: missing-heading', 'id: related')
      .replace('notes: [valid-note]', 'notes: [valid-note, gone]')
      .replace('#section-two', '#section-one');
    const { errors } = checkQuizFile({ path: 'quizzes/related.yaml', bytes: Buffer.from(text) }, index);
    expect(errors.map(formatContentError)).toEqual([
      'quizzes/related.yaml:5: note #2: field "notes.1": no note has the slug "gone"',
    ]);
  });
});

describe('the real quizzes', () => {
  it('pass the gate against the real notes, with enough questions of every type', async () => {
    const { errors, quizzes } = await gateContent();
    expect(errors.map(formatContentError)).toEqual([]);
    const questions = quizzes.flatMap((q) => q.data.questions);
    expect(quizzes.length).toBeGreaterThanOrEqual(5);
    expect(questions.length).toBeGreaterThanOrEqual(45);
    const types = new Set(questions.map((q) => q.type));
    expect([...types].sort()).toEqual(['free', 'match', 'multiple', 'order', 'single']);
    // All five notes are drawn on.
    const notes = new Set(questions.map((q) => q.source.split('#')[0]));
    expect(notes.size).toBe(5);
  });

  it('fail the gate when a question points at a heading that is not there', async () => {
    const { errors } = await gateContent(process.cwd(), {
      quizzes: DIR,
      cards: 'content/cards',
      compare: 'content/compare',
    });
    expect(errors.some((e) => e.field === 'questions.0.source')).toBe(true);
  });
});
