/**
 * What the reader's browser keeps: quiz attempts and flashcard review progress. Each record is
 * versioned and validated on read by src/domain/progress/storage.ts; the export file of all progress is
 * built from these same schemas.
 *
 * Written with zod/mini, unlike the content schemas: these are validated in the browser, and
 * zod's core modules are shared by every page's JavaScript. One classic-zod schema in any
 * browser bundle pulls the code for every classic string format (email, URL, JWT…) into that
 * shared chunk — measured: +8 KiB gzip on a flashcard review page, which then misses its
 * 25 KiB budget. Same names, same shapes, same `safeParse`/`parse` as before.
 */
import {
  _default,
  array,
  boolean,
  int,
  literal,
  maximum,
  minimum,
  minLength,
  number,
  object,
  optional,
  positive,
  record,
  regex,
  strictObject,
  string,
  unknown,
  type infer as Infer,
} from 'zod/mini';

/** Same rule as SlugSchema (src/schemas/note.ts), which is classic zod. */
const Slug = () =>
  string().check(regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug: lower-case words joined by hyphens'));
/** An ISO time as Date#toISOString writes it. */
const isoTime = () =>
  string().check(regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, 'expected an ISO date-time'));
const int0 = () => int().check(minimum(0));

/** Score of one question in one attempt. */
export const QuestionResultSchema = object({
  /** Points earned (may be a fraction: partial credit). */
  score: number().check(minimum(0)),
  /** Points available. */
  max: number().check(positive()),
  /** The question's topic, for the per-topic breakdown. */
  topic: Slug(),
});

/** One finished attempt at a quiz (or at the questions retried from one). */
export const QuizAttemptSchema = object({
  quizId: Slug(),
  /** ISO time the attempt was finished. */
  at: isoTime(),
  score: number().check(minimum(0)),
  max: number().check(positive()),
  /** True when only the previously missed questions were retried. */
  retry: _default(boolean(), false),
  /** Per question id. */
  questions: record(string(), QuestionResultSchema),
});

/** Stored under `tradeoffs.quiz-attempts`: every attempt, newest last. */
export const QuizAttemptsSchema = object({
  attempts: array(QuizAttemptSchema),
});

export type QuestionResult = Infer<typeof QuestionResultSchema>;
export type QuizAttempt = Infer<typeof QuizAttemptSchema>;
export type QuizAttempts = Infer<typeof QuizAttemptsSchema>;

/**
 * FSRS memory state of one card (ts-fsrs' Card with dates as ISO strings, so it survives JSON).
 * Field names follow ts-fsrs 5.4 so the adapter converts without renaming.
 */
export const FsrsCardSchema = object({
  /** When the card is next due. */
  due: isoTime(),
  /** Days for recall probability to fall to 90 %. */
  stability: number().check(minimum(0)),
  /** 1 (easy) – 10 (hard). */
  difficulty: number().check(minimum(0)),
  elapsed_days: number().check(minimum(0)),
  scheduled_days: number().check(minimum(0)),
  /** Position in the (re)learning steps. */
  learning_steps: int0(),
  reps: int0(),
  lapses: int0(),
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  state: int().check(minimum(0), maximum(3)),
  last_review: optional(isoTime()),
});

/** One rating, kept for the stats (reviews per day, retention) and the daily new-card limit. */
export const ReviewLogEntrySchema = object({
  /** Card id, `<deck>/<slug>`. */
  card: string().check(minLength(1)),
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: int().check(minimum(1), maximum(4)),
  /** The card's state before this rating (0 = it was new). */
  state: int().check(minimum(0), maximum(3)),
  /** ISO time of the rating. */
  at: isoTime(),
});

export const FlashcardSettingsSchema = object({
  /** New cards introduced per day across all decks. */
  newPerDay: _default(int().check(minimum(0), maximum(1000)), 20),
});

/** Stored under `tradeoffs.flashcards`: FSRS state per card id, the review log and settings. */
export const FlashcardProgressSchema = object({
  cards: record(string(), FsrsCardSchema),
  log: array(ReviewLogEntrySchema),
  settings: _default(FlashcardSettingsSchema, { newPerDay: 20 }),
});

export type FsrsCardState = Infer<typeof FsrsCardSchema>;
export type ReviewLogEntry = Infer<typeof ReviewLogEntrySchema>;
export type FlashcardSettings = Infer<typeof FlashcardSettingsSchema>;
export type FlashcardProgress = Infer<typeof FlashcardProgressSchema>;

/** A stored record as it travels in an export file: `{ version, data }`, as in browser storage. */
export const RecordEnvelopeSchema = strictObject({ version: int().check(positive()), data: unknown() });

const notOurs = { error: 'not a Tradeoffs progress file' };

/**
 * The "export all progress" file: quiz attempts and flashcards in one JSON file. Records keep
 * their own version, so a file exported by an older site is migrated on import with the same
 * steps as browser storage (src/domain/progress/file.ts).
 */
export const ProgressExportSchema = strictObject({
  app: literal('tradeoffs', notOurs),
  kind: literal('progress', notOurs),
  /** Layout of this file (not of the records inside). */
  format: literal(1, { error: 'unknown progress file format (exported by a newer site?)' }),
  exportedAt: isoTime(),
  /** Storage key → record. */
  records: record(string(), RecordEnvelopeSchema),
});

export type ProgressExport = Infer<typeof ProgressExportSchema>;
