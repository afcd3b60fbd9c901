import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../../src/domain/content/gate.ts';
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

// Each malformed quiz fails with a message naming the file, the line, the question and the field.
const cases: [string, RegExp][] = [
  [
    'unknown-type',
    /unknown-type\.yaml:9: question "pick-two": field "questions\.0\.type": unknown question type: expected one of single, multiple, order, match, free; received "pick"$/,
  ],
  [
    'missing-explanation',
    /missing-explanation\.yaml:18: question "no-why" option "b": field "questions\.0\.options\.1\.explanation": the field is missing \(expected string\)$/,
  ],
  [
    'no-correct-option',
    /no-correct-option\.yaml:14: question "nothing-right": field "questions\.0\.options": a single-answer question needs exactly one option with correct: true; found 0; received 2 items$/,
  ],
  [
    'several-correct-single',
    /several-correct-single\.yaml:14: question "two-right": field "questions\.0\.options": .*exactly one option with correct: true; found 2 \(a, b\)/,
  ],
  [
    'duplicate-question-id',
    /duplicate-question-id\.yaml:21: question "ok": field "questions\.1\.id": duplicate id "ok" in questions; received "ok"$/,
  ],
  [
    'duplicate-option-id',
    /duplicate-option-id\.yaml:18: question "same-option" option "a": field "questions\.0\.options\.1\.id": duplicate id "a" in options/,
  ],
  [
    'missing-note',
    /missing-note\.yaml:11: question "ok": field "questions\.0\.source": no note has the slug "no-such-note" \(notes: valid-note\)$/,
  ],
  [
    'missing-heading',
    /missing-heading\.yaml:11: question "ok": field "questions\.0\.source": note "valid-note" has no heading with id "section-two"$/,
  ],
  [
    'unknown-key',
    /unknown-key\.yaml:13: question "ok": field "questions\.0\.hint": unknown key "hint" \(not a field of this schema; check the spelling\)$/,
  ],
  ['yaml-syntax', /yaml-syntax\.yaml:1[0-2]: not valid YAML: Missing closing "quote$/],
  ['empty', /empty\.yaml: the file is empty$/],
  [
    'id-mismatch',
    /id-mismatch\.yaml:1: field "id": the quiz id must match the file name: expected "id-mismatch"; received "another-name"$/,
  ],
  [
    'wrong-type-points',
    /wrong-type-points\.yaml:11: question "ok": field "questions\.0\.points": Invalid input: expected number, received string \("two"\)$/,
  ],
  [
    'order-one-item',
    /order-one-item\.yaml:14: question "one-step": field "questions\.0\.items": needs at least 2 items; received 1 item$/,
  ],
  [
    'free-no-rubric',
    /free-no-rubric\.yaml:14: question "essay": field "questions\.0\.rubric": needs at least 1 rubric item/,
  ],
  [
    'no-questions',
    /no-questions\.yaml:7: field "questions": a quiz needs at least one question; received 0 items$/,
  ],
  [
    'missing-source',
    /missing-source\.yaml:8: question "ok": field "questions\.0\.source": the field is missing \(expected string\)$/,
  ],
];

describe('quiz content gate on malformed quizzes', () => {
  it('has a pinned message for every fixture', () => {
    const fixtures = readdirSync(DIR).map((f) => f.replace(/\.yaml$/, ''));
    expect(fixtures.sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it.each(cases)('%s', (name, pattern) => {
    const found = messages(name);
    expect(
      found.some((m) => pattern.test(m)),
      found.join('\n'),
    ).toBe(true);
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

  it('checks that related notes exist', () => {
    const text = readFileSync(`${DIR}/missing-heading.yaml`, 'utf8')
      .replace('id: missing-heading', 'id: related')
      .replace('notes: [valid-note]', 'notes: [valid-note, gone]')
      .replace('#section-two', '#section-one');
    const { errors } = checkQuizFile({ path: 'quizzes/related.yaml', bytes: Buffer.from(text) }, index);
    expect(errors.map(formatContentError)).toEqual([
      'quizzes/related.yaml:5: field "notes.1": no note has the slug "gone"',
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
