import { describe, expect, it } from 'vitest';
import { normalise, plural, pluralWord, slugify } from '../../../src/domain/content/text.ts';

describe('plural', () => {
  it('says one for exactly one, the plural otherwise (zero and fractions too)', () => {
    expect([0, 1, 2, 1.5].map((n) => plural(n, 'card'))).toEqual([
      '0 cards',
      '1 card',
      '2 cards',
      '1.5 cards',
    ]);
    expect(plural(3, 'quiz', 'quizzes')).toBe('3 quizzes');
    expect(plural(1, 'quiz', 'quizzes')).toBe('1 quiz');
    expect(pluralWord(1, 'request')).toBe('request');
    expect(pluralWord(1000, 'request')).toBe('requests');
  });
});

describe('slugify', () => {
  it('keeps letters and digits, drops accents, reads & as "and"', () => {
    expect(slugify('Café & Crème — “Notes”!')).toBe('cafe-and-creme-notes');
    expect(slugify('  2. Sticky Sessions ')).toBe('2-sticky-sessions');
    expect(slugify('️-best-practice')).toBe('best-practice');
    expect(slugify('***')).toBe('');
  });

  it('cuts at a length without leaving a dash at the end', () => {
    expect(slugify('abc def ghi', { max: 4 })).toBe('abc');
    expect(slugify('abc def ghi', { max: 7 })).toBe('abc-def');
  });
});

describe('normalise', () => {
  it('treats labels with the same words as the same, in any script', () => {
    expect(normalise('  Fault-Tolerance ')).toBe('fault tolerance');
    expect(normalise('Café (décor)')).toBe('café décor');
  });
});
