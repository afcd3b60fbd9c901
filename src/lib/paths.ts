import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

/**
 * Where the notes live. Tests and the scaling benchmark point the whole build at another
 * folder with TRADEOFFS_NOTES_DIR; everything else uses the default.
 */
export const notesDir = (root = process.cwd()): string =>
  resolve(root, process.env.TRADEOFFS_NOTES_DIR ?? 'content/notes');

export const diagramCacheDir = (root = process.cwd()): string =>
  resolve(root, 'node_modules/.cache/tradeoffs/diagrams');

/** Scenario quizzes (`quizzes/*.yaml`); tests point it at fixtures with TRADEOFFS_QUIZZES_DIR. */
export const quizzesDir = (root = process.cwd()): string =>
  resolve(root, process.env.TRADEOFFS_QUIZZES_DIR ?? 'quizzes');

/** Comparison vocabulary and pages (`content/compare/*.yaml`); TRADEOFFS_COMPARE_DIR points it elsewhere. */
export const compareDir = (root = process.cwd()): string =>
  resolve(root, process.env.TRADEOFFS_COMPARE_DIR ?? 'content/compare');

/** Hand-written flashcard decks (`content/cards/*.yaml`); tests point it elsewhere with TRADEOFFS_CARDS_DIR. */
export const cardsDir = (root = process.cwd()): string =>
  resolve(root, process.env.TRADEOFFS_CARDS_DIR ?? 'content/cards');

/**
 * Prices for the cost calculator (/cost/). Tests point it elsewhere with TRADEOFFS_PRICING_FILE;
 * a file named there that does not exist means no calculator (fixture builds of other notes).
 */
export const pricingFile = (root = process.cwd()): string =>
  resolve(root, process.env.TRADEOFFS_PRICING_FILE ?? 'content/pricing.yaml');
/** The decision walker (`content/decide/*.yaml`); tests point it elsewhere with TRADEOFFS_DECIDE_DIR. */
export const decideDir = (root = process.cwd()): string =>
  resolve(root, process.env.TRADEOFFS_DECIDE_DIR ?? 'content/decide');

/**
 * The environment of a build over other notes (fixture builds, the scaling benchmark). Quizzes,
 * decks, comparisons, the walker and the prices all point into the real notes' headings, so
 * each is switched off (`none`: a folder that does not exist) unless the caller names its own.
 */
export function otherNotesEnv(
  notes: string,
  content: { quizzes?: string; cards?: string } = {},
  none = 'test/fixtures/none',
): Record<string, string> {
  return {
    TRADEOFFS_NOTES_DIR: notes,
    TRADEOFFS_CACHE_DIR: resolve(
      'node_modules/.cache/tradeoffs/astro',
      createHash('sha256').update(resolve(notes)).digest('hex').slice(0, 12),
    ),
    TRADEOFFS_QUIZZES_DIR: content.quizzes ?? none,
    TRADEOFFS_CARDS_DIR: content.cards ?? none,
    TRADEOFFS_COMPARE_DIR: none,
    TRADEOFFS_DECIDE_DIR: none,
    TRADEOFFS_PRICING_FILE: join(none, 'pricing.yaml'),
  };
}
