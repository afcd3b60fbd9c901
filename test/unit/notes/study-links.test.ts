/**
 * "Practise this note" (src/domain/notes/study-links.ts): which quizzes and decks ask about a
 * note, as the links on its page.
 */
import { describe, expect, it } from 'vitest';
import { type StudyDeck, type StudyQuiz, studyLinks } from '../../../src/domain/notes/study-links.ts';

const q = (...sources: string[]) => sources.map((source) => ({ source }));
const c = (...sources: string[][]) => sources.map((s) => ({ sources: s }));

const QUIZZES: StudyQuiz[] = [
  {
    id: 'fit',
    title: 'Serverless fit',
    questions: q('serverless#when', 'paradigms#cost', 'serverless#limits'),
  },
  { id: 'state', title: 'State', questions: q('state#sticky', 'paradigms#cost') },
  { id: 'other', title: 'Other', questions: q('state#sticky') },
  {
    id: 'practice-serverless',
    title: 'Practice: Serverless',
    questions: q('serverless#when', 'serverless#limits', 'serverless#cost'),
    generatedFrom: 'serverless',
  },
  // Another note's practice quiz that happens to cite this note: not this note's practice.
  {
    id: 'practice-paradigms',
    title: 'Practice: Paradigms',
    questions: q('serverless#when'),
    generatedFrom: 'paradigms',
  },
];

const DECKS: StudyDeck[] = [
  { id: 'hand', title: 'Hand-written', cards: c(['serverless#when'], ['state#sticky']) },
  {
    id: 'paradigms',
    title: 'Paradigms',
    cards: c(['paradigms#cost'], ['paradigms#cost', 'serverless#when']),
  },
  { id: 'serverless', title: 'Serverless', cards: c(['serverless#when']) },
  { id: 'state', title: 'State', cards: c(['state#sticky']) },
];

describe('studyLinks', () => {
  it('the practice quiz, hand quizzes by questions from the note, decks with the note’s own first', () => {
    expect(studyLinks('serverless', QUIZZES, DECKS)).toEqual({
      practice: { href: '/quizzes/practice-serverless/', title: 'Practice: Serverless', count: 3 },
      quizzes: [{ href: '/quizzes/fit/', title: 'Serverless fit', count: 2 }],
      decks: [
        { href: '/flashcards/serverless/', title: 'Serverless', count: 1 },
        // A merged card names every note it came from: it counts here too. Ties by title.
        { href: '/flashcards/hand/', title: 'Hand-written', count: 1 },
        { href: '/flashcards/paradigms/', title: 'Paradigms', count: 1 },
      ],
    });
  });

  it('more questions first; a note with no material of its own has no practice quiz', () => {
    const links = studyLinks('state', QUIZZES, DECKS);
    expect(links.practice).toBeUndefined();
    expect(links.quizzes.map((l) => [l.title, l.count])).toEqual([
      ['Other', 1],
      ['State', 1],
    ]);
    const paradigms = studyLinks('paradigms', QUIZZES, DECKS);
    expect(paradigms.quizzes.map((l) => [l.title, l.count])).toEqual([
      ['Serverless fit', 1],
      ['State', 1],
    ]);
    expect(paradigms.decks.map((l) => [l.title, l.count])).toEqual([['Paradigms', 2]]);
  });

  it('a note nothing asks about: nothing to link', () => {
    expect(studyLinks('nothing', QUIZZES, DECKS)).toEqual({ quizzes: [], decks: [] });
  });
});
