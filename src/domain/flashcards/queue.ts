/**
 * Flashcard review over the stored progress: what is due, what comes next, the daily new-card
 * limit, removed cards and the stats (ratings and undo: review-rating.ts, which loads ts-fsrs). Pure: progress, card ids and `now` in, new
 * progress out (never mutated in place, so undo and tests can keep the old value).
 *
 * "Today" is the reader's local day: callers pass the timezone offset (Date#getTimezoneOffset).
 */
import {
  type FlashcardProgress,
  FlashcardProgressSchema,
  type FsrsCardState,
} from '../../schemas/progress.ts';
import type { RecordSpec } from '../progress/storage.ts';
import { repairProgress } from './repair.ts';

/**
 * FSRS card states as stored (the numbers of ts-fsrs' State enum). Defined here, not imported,
 * so the deck list can count cards without loading the scheduler.
 */
export const CARD_STATE = { new: 0, learning: 1, review: 2, relearning: 3 } as const;

export const DEFAULT_NEW_PER_DAY = 20;

export const emptyProgress = (): FlashcardProgress => ({
  cards: {},
  log: [],
  settings: { newPerDay: DEFAULT_NEW_PER_DAY },
});

/**
 * The flashcard record in browser storage. Version 1 is the first shape; a change of shape
 * adds `migrations[1]` (v1 → v2) and bumps the version, and src/domain/progress/storage.ts applies the
 * steps one by one on read.
 */
export const flashcardRecord: RecordSpec<FlashcardProgress> = {
  key: 'tradeoffs.flashcards',
  version: 1,
  schema: FlashcardProgressSchema,
  empty: emptyProgress,
  migrations: {},
  repair: repairProgress,
};

/** Learning cards due within this window are shown rather than making the reader wait. */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** `YYYY-MM-DD` of the reader's local day. */
export const dayKey = (date: Date, tzOffsetMinutes = 0): string =>
  new Date(date.getTime() - tzOffsetMinutes * 60_000).toISOString().slice(0, 10);

const isLearning = (s: FsrsCardState) => s.state === CARD_STATE.learning || s.state === CARD_STATE.relearning;

/** New cards already started today (a first rating of a new card counts once). */
export function newStartedToday(progress: FlashcardProgress, now: Date, tz = 0): number {
  const today = dayKey(now, tz);
  return progress.log.filter((e) => e.state === CARD_STATE.new && dayKey(new Date(e.at), tz) === today)
    .length;
}

export const newAllowance = (progress: FlashcardProgress, now: Date, tz = 0): number =>
  Math.max(0, progress.settings.newPerDay - newStartedToday(progress, now, tz));

export interface Counts {
  /** New cards that today's limit still lets in. */
  new: number;
  /** In (re)learning steps: back again today. */
  learning: number;
  /** Review cards due now. */
  due: number;
  /** Never reviewed, whatever the limit. */
  unseen: number;
  total: number;
}

export function deckCounts(ids: readonly string[], progress: FlashcardProgress, now: Date, tz = 0): Counts {
  let unseen = 0;
  let learning = 0;
  let due = 0;
  for (const id of ids) {
    const s = progress.cards[id];
    if (!s) unseen++;
    else if (isLearning(s)) learning++;
    else if (s.state === CARD_STATE.review && Date.parse(s.due) <= now.getTime()) due++;
  }
  return { new: Math.min(unseen, newAllowance(progress, now, tz)), learning, due, unseen, total: ids.length };
}

export type NextCard =
  | { id: string; reason: 'learning' | 'review' | 'new' }
  | { id?: undefined; reason: 'done'; /** Earliest learning card still to come today. */ nextDue?: string };

/**
 * The next card: due (re)learning cards, then due reviews (oldest first), then new cards in deck
 * order within today's limit, then learning cards due within LEARN_AHEAD_MS.
 */
export function nextCard(ids: readonly string[], progress: FlashcardProgress, now: Date, tz = 0): NextCard {
  const t = now.getTime();
  // Only called for ids that have a state.
  const dueOf = (id: string) => Date.parse((progress.cards[id] as FsrsCardState).due);
  const byDue = (a: string, b: string) => dueOf(a) - dueOf(b);
  const seen = ids.filter((id) => progress.cards[id]);
  const learning = seen.filter((id) => isLearning(progress.cards[id] as FsrsCardState)).sort(byDue);
  const first = learning[0];
  if (first && dueOf(first) <= t) return { id: first, reason: 'learning' };
  const review = seen
    .filter((id) => progress.cards[id]?.state === CARD_STATE.review && dueOf(id) <= t)
    .sort(byDue)[0];
  if (review) return { id: review, reason: 'review' };
  if (newAllowance(progress, now, tz) > 0) {
    const fresh = ids.find((id) => !progress.cards[id]);
    if (fresh) return { id: fresh, reason: 'new' };
  }
  if (first && dueOf(first) <= t + LEARN_AHEAD_MS) return { id: first, reason: 'learning' };
  return first ? { reason: 'done', nextDue: progress.cards[first]?.due as string } : { reason: 'done' };
}

/**
 * Drops the state of cards that no longer exist (a card removed from the notes or a deck), so
 * they stop counting; the log keeps their past ratings for the stats.
 */
export function pruneRemoved(
  progress: FlashcardProgress,
  known: ReadonlySet<string>,
): { progress: FlashcardProgress; dropped: string[] } {
  const dropped = Object.keys(progress.cards).filter((id) => !known.has(id));
  if (!dropped.length) return { progress, dropped };
  const cards = Object.fromEntries(Object.entries(progress.cards).filter(([id]) => known.has(id)));
  return { progress: { ...progress, cards }, dropped };
}

export const withNewPerDay = (progress: FlashcardProgress, newPerDay: number): FlashcardProgress => ({
  ...progress,
  settings: { ...progress.settings, newPerDay: Math.max(0, Math.min(1000, Math.round(newPerDay) || 0)) },
});

export interface Stats {
  /** Oldest first, one entry per day (including days without reviews). */
  perDay: { day: string; count: number }[];
  /** Share of reviews of mature-enough (review-state) cards answered Hard/Good/Easy, last 30 days. */
  retention: { reviewed: number; passed: number; rate: number | undefined };
  byState: { new: number; learning: number; review: number };
  total: number;
}

export function reviewStats(
  ids: readonly string[],
  progress: FlashcardProgress,
  now: Date,
  tz = 0,
  days = 14,
): Stats {
  const perDay = Array.from({ length: days }, (_, i) => ({
    day: dayKey(new Date(now.getTime() - (days - 1 - i) * 86_400_000), tz),
    count: 0,
  }));
  const index = new Map(perDay.map((d, i) => [d.day, i]));
  const since = now.getTime() - 30 * 86_400_000;
  let reviewed = 0;
  let passed = 0;
  for (const entry of progress.log) {
    const i = index.get(dayKey(new Date(entry.at), tz));
    if (i !== undefined) (perDay[i] as { count: number }).count++;
    if (entry.state === CARD_STATE.review && Date.parse(entry.at) >= since) {
      reviewed++;
      if (entry.rating > 1) passed++;
    }
  }
  const byState = { new: 0, learning: 0, review: 0 };
  for (const id of ids) {
    const s = progress.cards[id];
    if (!s) byState.new++;
    else if (isLearning(s)) byState.learning++;
    else byState.review++;
  }
  return {
    perDay,
    retention: { reviewed, passed, rate: reviewed ? passed / reviewed : undefined },
    byState,
    total: ids.length,
  };
}
