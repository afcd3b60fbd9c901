import { describe, expect, it } from 'vitest';
import {
  matchVerdicts,
  normaliseAnswer,
  optionVerdicts,
  orderVerdicts,
  scoreQuestion,
  scoreQuiz,
} from '../../../src/domain/quiz/scoring.ts';
import { type Question, QuestionSchema } from '../../../src/schemas/quiz.ts';

const base = { topic: 'cost', prompt: 'Q?', source: 'n#h' };
const opt = (id: string, correct = false) => ({
  id,
  text: id.toUpperCase(),
  correct,
  explanation: `why ${id}`,
});
const q = (data: object): Question => QuestionSchema.parse({ ...base, ...data });

const single = q({ id: 's', type: 'single', options: [opt('a', true), opt('b'), opt('c')] });
const multiple = q({
  id: 'm',
  type: 'multiple',
  points: 3,
  options: [opt('a', true), opt('b', true), opt('c', true), opt('d'), opt('e')],
});
const order = q({
  id: 'o',
  type: 'order',
  points: 2,
  explanation: 'e',
  items: ['one', 'two', 'three', 'four'].map((id) => ({ id, text: id })),
});
const match = q({
  id: 'x',
  type: 'match',
  explanation: 'e',
  pairs: [
    { id: 'img', left: 'Image resize', right: 'Serverless' },
    { id: 'game', left: 'Game server', right: 'Traditional' },
    { id: 'hook', left: 'Webhook', right: 'Serverless' },
    { id: 'ml', left: 'ML training', right: 'Traditional' },
  ],
});
const free = q({
  id: 'f',
  type: 'free',
  points: 2,
  answer: 'model',
  explanation: 'e',
  rubric: ['r1', 'r2', 'r3'].map((id) => ({ id, text: id })),
});

describe('single: all or nothing', () => {
  it('scores the right option', () =>
    expect(scoreQuestion(single, { type: 'single', choice: 'a' })).toMatchObject({
      score: 1,
      correct: true,
    }));
  it('scores a wrong option 0', () =>
    expect(scoreQuestion(single, { type: 'single', choice: 'b' }).score).toBe(0));
  it('scores no choice 0', () => expect(scoreQuestion(single, { type: 'single' }).score).toBe(0));
  it('scores an unknown option id 0', () =>
    expect(scoreQuestion(single, { type: 'single', choice: 'z' }).score).toBe(0));
});

describe('multiple: right picks minus wrong picks, floored at 0, scaled to points', () => {
  const score = (choices: string[]) => scoreQuestion(multiple, { type: 'multiple', choices }).score;
  it('all right, none wrong: full points', () => expect(score(['a', 'b', 'c'])).toBe(3));
  it('two of three right: 2/3 of the points', () => expect(score(['a', 'b'])).toBe(2));
  it('all right plus one wrong: (3 − 1)/3', () => expect(score(['a', 'b', 'c', 'd'])).toBe(2));
  it('one right, two wrong: floored at 0, never negative', () => expect(score(['a', 'd', 'e'])).toBe(0));
  it('picking everything is not full marks', () => expect(score(['a', 'b', 'c', 'd', 'e'])).toBe(1));
  it('nothing picked: 0', () => expect(score([])).toBe(0));
  it('rounds to two decimals', () => {
    const one = q({
      id: 'm1',
      type: 'multiple',
      options: [opt('a', true), opt('b', true), opt('c', true), opt('d')],
    });
    expect(scoreQuestion(one, { type: 'multiple', choices: ['a'] }).score).toBe(0.33);
  });
});

describe('order: share of adjacent pairs in the right relative order', () => {
  const score = (ids: string[]) => scoreQuestion(order, { type: 'order', order: ids });
  it('right order: full points', () =>
    expect(score(['one', 'two', 'three', 'four'])).toMatchObject({ score: 2, correct: true }));
  it('reversed: 0', () => expect(score(['four', 'three', 'two', 'one']).score).toBe(0));
  it('one swap in the middle: 2 of 3 pairs', () =>
    expect(score(['one', 'three', 'two', 'four']).share).toBeCloseTo(2 / 3));
  it('first moved last: 2 of 3 pairs', () =>
    expect(score(['two', 'three', 'four', 'one']).share).toBeCloseTo(2 / 3));
  it('a missing item: 0', () => expect(score(['one', 'two', 'three']).score).toBe(0));
  it('a repeated item: 0', () => expect(score(['one', 'one', 'three', 'four']).score).toBe(0));
  it('an unknown item: 0', () => expect(score(['one', 'two', 'three', 'five']).score).toBe(0));
});

describe('match: share of right pairs', () => {
  const score = (pairs: Record<string, string | undefined>) => scoreQuestion(match, { type: 'match', pairs });
  it('all right', () =>
    expect(
      score({ img: 'Serverless', game: 'Traditional', hook: 'Serverless', ml: 'Traditional' }),
    ).toMatchObject({ score: 1, correct: true }));
  it('three of four', () =>
    expect(
      score({ img: 'Serverless', game: 'Traditional', hook: 'Serverless', ml: 'Serverless' }).score,
    ).toBe(0.75));
  it('unanswered pairs count as wrong', () => expect(score({ img: 'Serverless' }).score).toBe(0.25));
});

describe('free: share of rubric items ticked', () => {
  const score = (ticked: string[]) => scoreQuestion(free, { type: 'free', ticked });
  it('all', () => expect(score(['r1', 'r2', 'r3']).score).toBe(2));
  it('two of three', () => expect(score(['r1', 'r3']).score).toBe(1.33));
  it('none', () => expect(score([]).score).toBe(0));
  it('unknown rubric ids do not count', () => expect(score(['r9']).score).toBe(0));
});

it('a response of another type scores 0', () => {
  expect(scoreQuestion(single, { type: 'multiple', choices: ['a'] }).score).toBe(0);
});

describe('scoreQuiz', () => {
  const questions = [single, multiple, order, match, free];
  it('adds up, breaks down by topic weakest first, and lists the missed questions', () => {
    const scores = {
      s: scoreQuestion(single, { type: 'single', choice: 'a' }),
      m: scoreQuestion(multiple, { type: 'multiple', choices: ['a', 'b'] }),
      o: scoreQuestion(order, { type: 'order', order: ['one', 'two', 'three', 'four'] }),
    };
    const withTopics = questions.map((x, i) => ({ ...x, topic: i < 2 ? 'cost' : 'scaling' }));
    const result = scoreQuiz(withTopics, scores);
    expect(result).toMatchObject({ score: 5, max: 9, percent: 55, missed: ['m', 'x', 'f'] });
    expect(result.topics).toEqual([
      { topic: 'scaling', score: 2, max: 5, questions: 3 },
      { topic: 'cost', score: 3, max: 4, questions: 2 },
    ]);
  });

  it('rounds the percentage down, so 99.9 % is not shown as 100 %', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ id: `q${i}`, topic: 't', points: 1 }));
    const scores = Object.fromEntries(many.slice(1).map((x) => [x.id, { score: 1, max: 1, correct: true }]));
    expect(scoreQuiz(many, scores).percent).toBe(99);
  });

  it('an empty quiz scores 0 %', () => expect(scoreQuiz([], {}).percent).toBe(0));
});

it('topics with the same share sort by name', () => {
  const qs = [
    { id: 'a', topic: 'zeta', points: 1 },
    { id: 'b', topic: 'alpha', points: 1 },
  ];
  expect(scoreQuiz(qs, {}).topics.map((t) => t.topic)).toEqual(['alpha', 'zeta']);
});

describe('verdicts per option, item and pair (what the page marks)', () => {
  it('options: right picked, right missed, wrong picked, wrong left', () => {
    if (multiple.type !== 'multiple') throw new Error('fixture');
    expect(optionVerdicts(multiple, ['a', 'd']).map((v) => [v.id, v.mark])).toEqual([
      ['a', 'is-right'],
      ['b', 'is-missed'],
      ['c', 'is-missed'],
      ['d', 'is-wrong'],
      ['e', 'is-other'],
    ]);
    expect(optionVerdicts(multiple, ['a'])[1]?.label).toBe('✓ Right answer — you did not pick it');
  });

  it('order: in place, or where each item belongs', () => {
    if (order.type !== 'order') throw new Error('fixture');
    expect(orderVerdicts(order, ['one', 'three', 'two', 'four'])).toEqual([
      { id: 'one', right: true, label: '✓ right place' },
      { id: 'three', right: false, label: '✗ belongs at 3' },
      { id: 'two', right: false, label: '✗ belongs at 2' },
      { id: 'four', right: true, label: '✓ right place' },
    ]);
  });

  it('match: compared after trimming and ignoring case, unanswered is wrong', () => {
    if (match.type !== 'match') throw new Error('fixture');
    const v = matchVerdicts(match, { img: ' serverless ', game: 'Serverless', hook: 'SERVERLESS' });
    expect(v.map((x) => x.right)).toEqual([true, false, true, false]);
    expect(v[1]?.label).toBe('✗ right answer: Traditional');
    expect(
      scoreQuestion(match, { type: 'match', pairs: { img: 'serverless', hook: 'Serverless ' } }).share,
    ).toBe(0.5);
    expect(normaliseAnswer('  Many   Words ')).toBe('many words');
  });
});
