import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { QuestionSchema, QuizSchema } from '../../../src/schemas/quiz.ts';

const base = { id: 'q', topic: 'cost', prompt: 'Q?', source: 'note#heading' };
const messages = (data: object) =>
  QuestionSchema.safeParse({ ...base, ...data }).error?.issues.map(
    (i) => `${i.path.join('.')}: ${i.message}`,
  ) ?? [];

describe('question schema', () => {
  it('fills defaults: 1 point, options not correct and not fixed', () => {
    const q = QuestionSchema.parse({
      ...base,
      type: 'single',
      options: [
        { id: 'a', text: 'A', correct: true, explanation: 'yes' },
        { id: 'b', text: 'B', explanation: 'no' },
      ],
    });
    expect(q.points).toBe(1);
    expect(q.type === 'single' && q.options[1]).toMatchObject({ correct: false, fixed: false });
  });

  it('multiple needs at least one right option', () => {
    expect(
      messages({
        type: 'multiple',
        options: [
          { id: 'a', text: 'A', explanation: 'no' },
          { id: 'b', text: 'B', explanation: 'no' },
        ],
      }),
    ).toEqual(['options: a multiple-answer question needs at least one option with correct: true; found 0']);
  });

  it('match needs two different answers', () => {
    expect(
      messages({
        type: 'match',
        explanation: 'e',
        pairs: [
          { id: 'a', left: 'A', right: 'Serverless' },
          { id: 'b', left: 'B', right: 'Serverless' },
        ],
      }),
    ).toEqual(['pairs: needs at least 2 different right-hand values']);
  });

  it('a source must look like note#heading', () => {
    expect(
      messages({
        type: 'free',
        explanation: 'e',
        answer: 'a',
        rubric: [{ id: 'r', text: 't' }],
        source: 'note',
      }),
    ).toEqual(['source: expected "<note-slug>#<heading-id>"']);
  });

  it('a question without a type names the allowed types', () => {
    expect(messages({ type: undefined })[0]).toMatch(
      /unknown question type: expected one of single, multiple, order, match, free/,
    );
  });

  it('other type errors keep zod’s own message', () => {
    expect(messages({ type: 'single', options: 'a, b' })).toEqual([
      'options: Invalid input: expected array, received string',
    ]);
  });
});

describe('JSON Schema for editors', () => {
  it('describes the quiz fields and the five question types', () => {
    const json = JSON.stringify(z.toJSONSchema(QuizSchema, { io: 'input' }));
    for (const type of ['single', 'multiple', 'order', 'match', 'free'])
      expect(json).toContain(`"const":"${type}"`);
    expect(json).toContain('"additionalProperties":false');
    expect(json).toContain('The note section that answers this');
  });
});
